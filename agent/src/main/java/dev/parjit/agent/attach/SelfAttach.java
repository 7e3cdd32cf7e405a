package dev.parjit.agent.attach;

import dev.parjit.agent.AgentOptions;
import java.io.File;
import net.bytebuddy.agent.ByteBuddyAgent;

/**
 * Loads parjit-agent.jar into the running JVM, for {@code Parjit.install()}. A JVM may not attach
 * to itself unless started with {@code -Djdk.attach.allowAttachSelf=true}; Byte Buddy's agent
 * attacher then attaches from a short-lived helper process, which is what it is for. The JVM runs
 * the jar's {@code Agent-Class} ({@code PreMain.agentmain}) before this returns.
 *
 * <p>{@code Parjit.install()} (module {@code api}, which has no dependencies) calls this by name
 * through a class loader of its own over the agent jar.
 */
public final class SelfAttach {

  private SelfAttach() { }

  /** Attaches {@code agentJar} to this JVM with {@code options} (the agent's key=value list, may be empty). */
  public static void attach(String agentJar, String options) {
    AgentOptions.parse(options); // a bad option: one IllegalArgumentException naming it, before attaching
    ByteBuddyAgent.attach(new File(agentJar), Long.toString(ProcessHandle.current().pid()),
        options == null || options.isEmpty() ? null : options);
  }
}
