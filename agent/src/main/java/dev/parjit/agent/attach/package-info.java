/**
 * Loading the agent into a running JVM ({@code Parjit.install()}); entry point {@link
 * dev.parjit.agent.attach.SelfAttach}.
 */
package dev.parjit.agent.attach;
