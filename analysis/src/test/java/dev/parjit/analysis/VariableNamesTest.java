package dev.parjit.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.Label;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.ParameterNode;

/** Names in diagnostics: {@code -g} names every local, {@code -parameters} the parameters, else slots. */
class VariableNamesTest {

  /** {@code static double f(long a, int n)}: a in slots 0-1, n in slot 2. */
  private static MethodNode method() {
    MethodNode m = new MethodNode(Opcodes.ACC_STATIC, "f", "(JI)D", null, null);
    m.instructions.add(new InsnNode(Opcodes.DCONST_0));
    m.instructions.add(new InsnNode(Opcodes.DRETURN));
    return m;
  }

  @Test
  void withoutDebugInformationSlotsAreNumbered() {
    MethodNode m = method();
    assertEquals("slot2", VariableNames.at(m, 2, m.instructions.getFirst()));
  }

  @Test
  void parametersCompiledWithDashParametersAreNamedBySlot() {
    MethodNode m = method();
    m.parameters = new java.util.ArrayList<>(java.util.List.of(new ParameterNode("a", 0), new ParameterNode("n", 0)));
    assertEquals("a", VariableNames.at(m, 0, m.instructions.getFirst()));
    assertEquals("n", VariableNames.at(m, 2, m.instructions.getFirst()));
    assertEquals("slot3", VariableNames.at(m, 3, m.instructions.getFirst()));
  }

  @Test
  void theLocalVariableTableWins() {
    MethodNode m = method();
    LabelNode start = new LabelNode(new Label());
    LabelNode end = new LabelNode(new Label());
    m.instructions.insert(start);
    m.instructions.add(end);
    m.localVariables = new java.util.ArrayList<>(java.util.List.of(new LocalVariableNode("count", "I", null, start, end, 2)));
    m.parameters = new java.util.ArrayList<>(java.util.List.of(new ParameterNode("a", 0), new ParameterNode("n", 0)));
    assertEquals("count", VariableNames.at(m, 2, m.instructions.get(1)));
  }
}
