package dev.parjit.analysis;

import dev.parjit.analysis.cfg.FlowGraph;
import dev.parjit.analysis.dataflow.Consumers;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Local array variables that exchange arrays allocated in the method, as a time-step loop swaps
 * its buffers ({@code tmp = u; u = v; v = tmp;}). Such a group may stay distributed as a whole:
 * each of its variables always holds one of the group's allocations, all aligned.
 *
 * <p>The group's arrays may instead come from distinct array parameters that may be 1D
 * ({@code from = u; to = v;}, the arrays of fields a spawn-mode instance method receives as
 * parameters): each variable then holds one of the caller's arrays. Those are distinct unless the
 * caller passes one array twice, which the rewrite checks before each loop that reads one of them
 * through a halo and writes another ({@code Halo.checkSeparate}; spawn mode runs such a call on the
 * driver before it gets there). A group takes its arrays from allocations or from parameters, never both.
 *
 * <p>A group is valid when every store into its variables is either its one source
 * ({@code new double[n]}, or a parameter read once) or a copy of another of its variables, and
 * variables without a source ({@code tmp}) are read only to be copied. Which allocation each variable holds is
 * tracked relationally (the set of possible assignments at each instruction), so two variables can
 * be proven to hold different arrays even though each may hold either: a stencil that reads
 * {@code u} and writes {@code v} is then free of any dependence between its iterations.
 */
final class BufferRotation {

  /** Most variables and allocations a group may have (the assignment sets stay small). */
  private static final int MAX_SLOTS = 6;
  private static final int MAX_SITES = 4;

  /**
   * One group: its variables, each allocating variable's allocation (or, for a group fed by
   * parameters, the parameter's load), the stores of those, the copies between its variables, and
   * the parameter slots that feed it (empty for a group of allocations).
   */
  record Group(Set<Integer> slots, Map<Integer, AbstractInsnNode> allocations, Map<Integer, AbstractInsnNode> stores,
      Map<AbstractInsnNode, Integer> copies, Set<Integer> params) {

    /** Whether the group's arrays are the caller's (parameters) rather than allocated in the method. */
    boolean fedByParameters() {
      return !params.isEmpty();
    }
  }

  private final MethodNode method;
  private final List<Group> groups;
  private final Map<Integer, Group> bySlot = new HashMap<>();
  /** Per group, per instruction index: the possible assignments (allocation index per group variable, -1 unset). */
  private final Map<Group, List<Set<List<Integer>>>> states = new HashMap<>();

  /** Every variable linked to another by a copy, to its component's representative. */
  private final Map<Integer, Integer> components = new HashMap<>();

  private BufferRotation(MethodNode method, List<Group> groups) {
    this.method = method;
    this.groups = groups;
    groups.forEach(g -> g.slots().forEach(s -> bySlot.put(s, g)));
  }

  /** No groups: for methods where rotation does not apply. */
  static BufferRotation none(MethodNode method) {
    return new BufferRotation(method, List.of());
  }

  /** The valid groups of {@code method} over arrays it allocates, with their assignment sets. */
  static BufferRotation find(MethodNode method, Consumers consumers, FlowGraph graph) {
    return find(method, consumers, graph, Set.of());
  }

  /**
   * The valid groups of {@code method}, with their assignment sets; a group may also take its
   * arrays from the parameters in {@code sourceParams} (array parameters never assigned, that may be 1D).
   */
  static BufferRotation find(MethodNode method, Consumers consumers, FlowGraph graph, Set<Integer> sourceParams) {
    int firstLocal = (method.access & Opcodes.ACC_STATIC) != 0 ? 0 : 1;
    for (Type t : Type.getArgumentTypes(method.desc)) {
      firstLocal += t.getSize();
    }
    // Union of variables linked by copies `ALOAD a; ASTORE b`.
    Map<Integer, Integer> parent = new HashMap<>();
    List<VarInsnNode> copies = new ArrayList<>();
    for (AbstractInsnNode x : method.instructions) {
      if (x instanceof VarInsnNode st && st.getOpcode() == Opcodes.ASTORE && st.var >= firstLocal) {
        AbstractInsnNode from = single(consumers.operand(x, 0));
        if (from instanceof VarInsnNode ld && ld.getOpcode() == Opcodes.ALOAD && ld.var >= firstLocal
            && ld.var != st.var && consumers.of(ld).size() == 1) {
          copies.add(st);
          union(parent, ld.var, st.var);
        }
      }
    }
    Map<Integer, Set<Integer>> components = new LinkedHashMap<>();
    for (Integer slot : new ArrayList<>(parent.keySet())) {
      components.computeIfAbsent(find(parent, slot), k -> new java.util.TreeSet<>()).add(slot);
    }
    List<Group> groups = new ArrayList<>();
    for (Set<Integer> slots : components.values()) {
      Group g = validGroup(method, consumers, slots, copies, sourceParams);
      if (g != null) {
        groups.add(g);
      }
    }
    // A parameter feeding two groups would let variables of different groups hold one array, which
    // mayAlias (per group) could not see: neither group is kept.
    Map<Integer, Integer> feeds = new HashMap<>();
    groups.forEach(g -> g.params().forEach(p -> feeds.merge(p, 1, Integer::sum)));
    groups.removeIf(g -> g.params().stream().anyMatch(p -> feeds.get(p) > 1));
    BufferRotation r = new BufferRotation(method, groups);
    parent.keySet().forEach(slot -> r.components.put(slot, find(parent, slot)));
    for (Group g : groups) {
      r.states.put(g, r.assignments(g, graph));
    }
    return r;
  }

  private static Group validGroup(MethodNode method, Consumers consumers, Set<Integer> slots, List<VarInsnNode> copies,
      Set<Integer> sourceParams) {
    if (slots.size() > MAX_SLOTS) {
      return null;
    }
    Map<Integer, AbstractInsnNode> allocations = new LinkedHashMap<>();
    Map<Integer, AbstractInsnNode> stores = new LinkedHashMap<>();
    Set<Integer> params = new java.util.TreeSet<>();
    // Each copy store to the variable it copies (the ALOAD feeding it, found by the dataflow).
    Map<AbstractInsnNode, Integer> copyStores = new java.util.IdentityHashMap<>();
    for (VarInsnNode c : copies) {
      if (slots.contains(c.var)) {
        copyStores.put(c, ((VarInsnNode) single(consumers.operand(c, 0))).var);
      }
    }
    for (AbstractInsnNode x : method.instructions) {
      if (!(x instanceof VarInsnNode v) || !slots.contains(v.var)) {
        continue;
      }
      int op = v.getOpcode();
      if (op == Opcodes.ASTORE && !copyStores.containsKey(v)) {
        AbstractInsnNode from = single(consumers.operand(v, 0));
        boolean param = from instanceof VarInsnNode ld && ld.getOpcode() == Opcodes.ALOAD
            && sourceParams.contains(ld.var);
        if (from == null || (from.getOpcode() != Opcodes.NEWARRAY && !param) || consumers.of(from).size() != 1
            || allocations.containsKey(v.var)) {
          return null; // another kind of value, or two sources in one variable
        }
        if (param && !params.add(((VarInsnNode) from).var)) {
          return null; // one parameter in two variables: they hold one array
        }
        allocations.put(v.var, from);
        stores.put(v.var, v);
      }
      // Other opcodes on the slot belong to another variable javac put there (a loop index): the
      // verifier keeps them apart, since an ALOAD can only see reference stores.
    }
    if (allocations.size() < 2 || allocations.size() > MAX_SITES
        || (!params.isEmpty() && params.size() != allocations.size())) {
      return null; // a group takes its arrays from allocations or from parameters, never both
    }
    Set<AbstractInsnNode> groupStores = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    groupStores.addAll(copyStores.keySet());
    groupStores.addAll(stores.values());
    for (AbstractInsnNode x : method.instructions) {
      if (x instanceof VarInsnNode v && v.getOpcode() == Opcodes.ALOAD && slots.contains(v.var)) {
        Set<AbstractInsnNode> defs = consumers.definitions(x, v.var);
        if (defs.isEmpty() || !groupStores.containsAll(defs)) {
          return null;
        }
        boolean copied = consumers.of(x).size() == 1 && copyStores.containsKey(consumers.of(x).iterator().next());
        if (!allocations.containsKey(v.var) && !copied) {
          return null; // a variable like tmp is only a stepping stone between the others
        }
      }
    }
    return new Group(Set.copyOf(slots), allocations, stores, copyStores, Set.copyOf(params));
  }

  /** Forward dataflow of the possible assignments of the group's allocations to its variables. */
  private List<Set<List<Integer>>> assignments(Group g, FlowGraph graph) {
    List<Integer> order = new ArrayList<>(new java.util.TreeSet<>(g.slots()));
    List<AbstractInsnNode> sites = new ArrayList<>(g.allocations().values());
    int n = method.instructions.size();
    List<Set<List<Integer>>> in = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      in.add(new HashSet<>());
    }
    Integer[] unset = new Integer[order.size()];
    Arrays.fill(unset, -1);
    in.get(0).add(List.of(unset));
    ArrayDeque<Integer> work = new ArrayDeque<>(List.of(0));
    while (!work.isEmpty()) {
      int i = work.poll();
      AbstractInsnNode x = method.instructions.get(i);
      Set<List<Integer>> out = new HashSet<>();
      for (List<Integer> t : in.get(i)) {
        out.add(transfer(g, order, sites, x, t));
      }
      for (int s : graph.successors(i)) {
        if (in.get(s).addAll(out)) {
          work.add(s);
        }
      }
    }
    return in;
  }

  private static List<Integer> transfer(Group g, List<Integer> order, List<AbstractInsnNode> sites, AbstractInsnNode x,
      List<Integer> t) {
    if (!(x instanceof VarInsnNode st) || st.getOpcode() != Opcodes.ASTORE || !g.slots().contains(st.var)) {
      return t;
    }
    List<Integer> next = new ArrayList<>(t);
    int to = order.indexOf(st.var);
    Integer source = g.copies().get(st);
    if (source != null) {
      int from = order.indexOf(source);
      next.set(to, from < 0 ? -1 : t.get(from));
    } else {
      next.set(to, sites.indexOf(g.allocations().get(st.var)));
    }
    return List.copyOf(next);
  }

  /** Whether {@code slot} belongs to a group. */
  boolean contains(int slot) {
    return bySlot.containsKey(slot);
  }

  /** The group of {@code slot}, or {@code null}. */
  Group groupOf(int slot) {
    return bySlot.get(slot);
  }

  /** Every group. */
  List<Group> groups() {
    return groups;
  }

  /**
   * Whether {@code store} copies one group variable into another, or a parameter into the group
   * variable it feeds (it keeps the arrays distributed).
   */
  boolean isCopy(AbstractInsnNode store) {
    return groups.stream().anyMatch(g -> g.copies().containsKey(store)
        || (g.fedByParameters() && g.stores().containsValue(store)));
  }

  /** The group that parameter {@code slot} feeds, or {@code null}. */
  Group groupFedBy(int slot) {
    return groups.stream().filter(g -> g.params().contains(slot)).findFirst().orElse(null);
  }

  /** The variables of groups fed by parameters that hold a parameter's array from its store on (not {@code tmp}). */
  Set<Integer> parameterHolders() {
    Set<Integer> out = new java.util.TreeSet<>();
    groups.stream().filter(Group::fedByParameters).forEach(g -> out.addAll(g.allocations().keySet()));
    return out;
  }

  /**
   * Whether the variables {@code a} and {@code b} may hold the same array just before {@code at}:
   * always for one variable or two linked by copies outside a valid group, per the assignment sets
   * within a group, and never for variables no copy links (distinct allocations; arguments that
   * alias are caught per call by the dispatcher).
   */
  boolean mayAlias(int a, int b, AbstractInsnNode at) {
    if (a == b) {
      return true;
    }
    Group fed = groupFedBy(a) != null ? groupFedBy(a) : groupFedBy(b);
    if (fed != null && (fed.slots().contains(a) || fed.slots().contains(b))) {
      return true; // a parameter and a variable that may hold its array
    }
    Integer ca = components.get(a);
    if (ca == null || !ca.equals(components.get(b))) {
      return false;
    }
    Group g = bySlot.get(a);
    if (g == null || g != bySlot.get(b)) {
      return true;
    }
    List<Integer> order = new ArrayList<>(new java.util.TreeSet<>(g.slots()));
    int ia = order.indexOf(a);
    int ib = order.indexOf(b);
    for (List<Integer> t : states.get(g).get(method.instructions.indexOf(at))) {
      if (t.get(ia) < 0 || t.get(ib) < 0 || t.get(ia).equals(t.get(ib))) {
        return true;
      }
    }
    return false;
  }

  private static AbstractInsnNode single(Set<AbstractInsnNode> s) {
    return s.size() == 1 ? s.iterator().next() : null;
  }

  private static int find(Map<Integer, Integer> parent, int x) {
    parent.putIfAbsent(x, x);
    while (parent.get(x) != x) {
      x = parent.get(x);
    }
    return x;
  }

  private static void union(Map<Integer, Integer> parent, int a, int b) {
    parent.put(find(parent, a), find(parent, b));
  }
}
