package dev.parjit.analysis.effects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

class EffectsAnalyzerTest {

  private static byte[] bytes(String internalName) {
    try (InputStream in = EffectsAnalyzerTest.class.getResourceAsStream("/" + internalName + ".class")) {
      return in == null ? null : in.readAllBytes();
    } catch (IOException e) {
      return null;
    }
  }

  private static MethodEffects effects(String name) {
    ClassNode cls = new ClassNode();
    new ClassReader(bytes(EffectTargets.class.getName().replace('.', '/'))).accept(cls, 0);
    MethodNode m = cls.methods.stream().filter(x -> x.name.equals(name)).findFirst().orElseThrow();
    return EffectsAnalyzer.analyze(cls, m, EffectsAnalyzerTest::bytes);
  }

  private static String reasons(MethodEffects e) {
    return String.join("; ", e.unmodelled().stream().map(Object::toString).toList());
  }

  @Test
  void freshArraysAreTheMethodsOwn() {
    MethodEffects e = effects("fresh");
    assertTrue(e.allModelled(), reasons(e));
    assertEquals(Set.of(), e.writtenParams());
    assertTrue(e.returnsFresh());
    assertTrue(effects("freshMatrix").allModelled(), reasons(effects("freshMatrix")));
    assertTrue(effects("builds").allModelled(), reasons(effects("builds")));
  }

  @Test
  void writesIntoArgumentsAreModelled() {
    assertEquals(Set.of(0), effects("scale").writtenParams());
    assertEquals(Set.of(0), effects("throughAlias").writtenParams());
    assertEquals(Set.of(1), effects("viaHelper").writtenParams());
    assertEquals(Set.of(1), effects("copiesInto").writtenParams());
    assertTrue(effects("viaHelper").allModelled(), reasons(effects("viaHelper")));
  }

  @Test
  void aReturnedArgumentKeepsItsIdentity() {
    MethodEffects e = effects("fillAndReturn");
    assertTrue(e.allModelled(), reasons(e));
    assertEquals(0, e.returnedParam());
    assertEquals(Set.of(0), e.writtenParams());
    MethodEffects some = effects("returnsOnSomePaths");
    assertTrue(reasons(some).contains("returns its argument 'a' on some paths only"), reasons(some));
  }

  @Test
  void aReturnedObjectHoldingTheCallersObjectsStaysOnTheDriver() {
    // The workers' reply would hold copies: the caller could no longer see its own array through it.
    for (String m : List.of("holdsArgumentTwice", "rowsHoldArgument", "listHoldsArgument", "holdsStatic",
        "holdsArgumentFromHelper")) {
      MethodEffects e = effects(m);
      assertTrue(reasons(e).contains("returns an object it made holding references it did not make")
          || reasons(e).contains("returns a value from EffectTargets.holdsArgumentTwice"), m + ": " + reasons(e));
      assertTrue(!e.returnsFresh(), m);
    }
    MethodEffects own = effects("holdsItsOwnArrayTwice");
    assertTrue(own.allModelled(), reasons(own));
    MethodEffects primitive = effects("freshAfterHoldingArgument");
    assertTrue(primitive.allModelled(), "a double[] cannot hold the caller's objects: " + reasons(primitive));
  }

  @Test
  void aResultTheDriverWouldRefuseStaysOnTheDriver() {
    assertTrue(reasons(effects("listHoldsArgument")).contains("returns a java.util.List, which Parjit does not send back"),
        reasons(effects("listHoldsArgument")));
  }

  @Test
  void libraryCallsThatReadTheProcesssPropertiesOrLocaleStayOnTheDriver() {
    // The driver may have set a system property or the default locale after the workers started.
    assertTrue(reasons(effects("readsSystemProperty")).contains("calls Integer.getInteger, whose effects Parjit does not model"),
        reasons(effects("readsSystemProperty")));
    assertTrue(reasons(effects("formatsWithTheDefaultLocale")).contains("calls String.format, whose effects Parjit does not model"),
        reasons(effects("formatsWithTheDefaultLocale")));
    assertTrue(reasons(effects("upperCasesAFreshString")).contains("calls String.toUpperCase, whose effects Parjit does not model"),
        reasons(effects("upperCasesAFreshString")));
  }

  @Test
  void staticsReadAreShippedButWritesAndObjectsStayOnTheDriver() {
    MethodEffects reads = effects("readsStatics");
    assertTrue(reads.allModelled(), reasons(reads));
    String owner = EffectTargets.class.getName().replace('.', '/');
    assertEquals(List.of(owner + ".factor:D", owner + ".COMPUTED:D", owner + ".table:[D"), reads.staticReads(),
        "constants are not shipped; a final scalar the initialiser computes is");
    assertTrue(reasons(effects("writesStatic")).contains("writes static field EffectTargets.total"));
    assertTrue(reasons(effects("countsInStaticMap")).contains("reads static field EffectTargets.COUNTS"),
        reasons(effects("countsInStaticMap")));
  }

  @Test
  void unmodelledEffectsHaveReasons() {
    assertTrue(reasons(effects("prints")).startsWith("prints"), reasons(effects("prints")));
    assertTrue(effects("readsRows").allModelled(), reasons(effects("readsRows")));
    assertTrue(reasons(effects("holderParameter")).contains("parameter 'h' is an object"),
        reasons(effects("holderParameter")));
  }

  @Test
  void writesInsideRowsAreWrittenBackButReplacedRowsStayOnTheDriver() {
    MethodEffects row = effects("writesRow");
    assertTrue(row.allModelled(), reasons(row));
    assertEquals(Set.of(0), row.writtenParams(), "the rows' contents are copied back into the caller's rows");
    MethodEffects inner = effects("writesInnerRow");
    assertTrue(inner.allModelled(), reasons(inner));
    assertEquals(Set.of(0), inner.writtenParams());
    assertTrue(reasons(effects("replacesRow")).contains("replaces rows of its argument 'm'"),
        reasons(effects("replacesRow")));
    assertTrue(reasons(effects("replacesInnerRow")).contains("replaces rows inside rows of its argument 'm'"),
        reasons(effects("replacesInnerRow")));
    assertTrue(reasons(effects("copiesRowsIn")).contains("replaces rows of its argument 'm'"),
        reasons(effects("copiesRowsIn")));
  }

  @Test
  void fieldsOfTheReceiverAreShippedButNotWrittenOrUnshippable() {
    MethodEffects own = effects("readsOwnFields");
    assertTrue(own.allModelled(), reasons(own));
    assertEquals(List.of(EffectTargets.class.getName().replace('.', '/') + ".coefficients:[D"), own.fieldReads(),
        "the helper called on this reads the same field");
    assertTrue(reasons(effects("readsRandomField")).contains("reads field random of type java.util.Random"),
        reasons(effects("readsRandomField")));
    assertTrue(reasons(effects("countsInField")).contains("writes field count"), reasons(effects("countsInField")));
  }
}
