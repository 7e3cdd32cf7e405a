package dev.parjit.runtime;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parjit.mpi.launch.RankMain;
import java.lang.reflect.Field;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** In a launched SPMD rank only the thread running main may enter compiled methods. */
class ProgramThreadTest {

  private static void recordMainThread(Thread t) throws ReflectiveOperationException {
    Field f = RankMain.class.getDeclaredField("programThread");
    f.setAccessible(true);
    f.set(null, t); // what RankMain does before it calls the program's main
  }

  @AfterEach
  void noRank() throws ReflectiveOperationException {
    recordMainThread(null);
  }

  @Test
  void withoutARecordedMainThreadAnyThreadMayCall() throws Exception {
    CompletableFuture.runAsync(() -> ParallelRuntime.enterCall("demo.K.f()D")).get();
    assertDoesNotThrow(() -> ParallelRuntime.enterCall("demo.K.f()D"));
  }

  @Test
  void anotherThreadFailsAtOnceNamingMethodThreadAndWhy() throws Exception {
    recordMainThread(Thread.currentThread());
    assertDoesNotThrow(() -> ParallelRuntime.enterCall("demo.K.f()D"));
    Thread other = new Thread(() -> ParallelRuntime.enterCall("demo.K.f()D"), "helper-7");
    Throwable[] failure = new Throwable[1];
    other.setUncaughtExceptionHandler((t, e) -> failure[0] = e);
    other.start();
    other.join();
    IllegalStateException e = (IllegalStateException) failure[0];
    assertTrue(e.getMessage().contains("demo.K.f()D") && e.getMessage().contains("helper-7")
        && e.getMessage().contains("order of collective calls"), e.getMessage());
  }

  @Test
  void simulatedRanksAreNotChecked() throws Exception {
    recordMainThread(Thread.currentThread());
    SimulatedRanks.run(2, r -> {
      ParallelRuntime.enterCall("demo.K.f()D");
      return r;
    });
    assertThrows(ExecutionException.class,
        () -> CompletableFuture.runAsync(() -> ParallelRuntime.enterCall("demo.K.f()D")).get());
  }
}
