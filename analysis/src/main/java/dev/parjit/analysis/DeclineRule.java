package dev.parjit.analysis;

/**
 * Every rule by which the analysis keeps a loop sequential or an array REP, with the sentence it
 * renders ({@link Decline#text()}). What a decline means to the analysis is a property of its rule
 * ({@link #loopDependent()}), never of its wording.
 */
public enum DeclineRule {

  // Loops: why a counted loop stays sequential.
  /** Inside a loop already chunked over ranks. */
  NESTED_IN_PARALLEL_LOOP("it is nested in a parallel loop"),
  /** Not a counted loop ({@code CountedLoopMatcher} says why). */
  NOT_COUNTED("%s"),
  /** A loop-carried dependence through an array ({@code LoopCarriedDependence} says which). */
  LOOP_CARRIED_DEPENDENCE("%s"),
  /** A break, return or throw out of the loop. */
  LEAVES_EARLY("it can leave early (break, return or throw)"),
  /** A body effect ranks cannot repeat independently ({@code LoopSafety} says which). */
  UNSAFE_BODY("it %s"),
  /** Rows ({@code a[k * i + j]}) and elements indexed in one loop: no single range fits both. */
  MIXED_ROW_WIDTHS("it indexes arrays as rows (a[k * i + j]) together with arrays indexed otherwise"),
  /** A halo read in a loop whose chunks are not ascending element ranges. */
  HALO_AGAINST_ORDER("it reads '%s' at i %s through a halo, but %s"),
  /** An array reduction in a loop counting down: a failing iteration would keep the wrong ranks. */
  DESCENDING_ARRAY_REDUCTION("it counts down and updates an array reduction"),
  /** An array reduction whose array may be one the loop reads through a field or static. */
  ARRAY_REDUCTION_SHARED_READ("it accumulates into array '%s' and reads %s, which may be that array"),
  /** A distributed series read by an index that is not the loop's. */
  SERIES_OFF_INDEX("it reads a distributed series at an index other than its own"),
  /** The index variable is read after the loop. */
  INDEX_LIVE_AFTER_LOOP("its index '%s' is used after the loop"),
  /** A scalar carried between iterations that is no recognised reduction. */
  CARRIED_SCALAR("variable '%s' carries a value from one iteration to the next and is not a recognised reduction"),
  /**
   * Writes fixed rows of a replicated array at its index ({@code c[0][i] = e}) but reads array elements
   * or the holder otherwise, so an iteration could see another rank's part ({@code SharedRowWrites}).
   */
  SHARED_ROWS_READ("it writes rows of '%s' at its index and reads arrays or '%s' otherwise, so an iteration"
      + " could read what another writes"),
  /**
   * Writes a replicated array at exactly its index in SPMD mode (its parts could be shared after the loop,
   * {@code SharedBlockWrites}), but its iterations are too cheap: sharing a part costs more than the
   * iterations it saves. Only an iteration that runs a loop of transcendental Math calls pays.
   */
  SHARED_BLOCKS_COST("it writes '%s' at its index, a replicated array whose parts would take longer to share"
      + " between the ranks than the loop takes to run whole on each (sharing pays only when each iteration runs"
      + " a loop of calls such as Math.sin or Math.exp)"),
  /** More scalar reductions than one loop's combine holds ({@code ScalarReduction.MAX_PER_LOOP}). */
  TOO_MANY_REDUCTIONS("it has %s scalar reductions, more than the %s one parallel loop combines"),

  // Arrays: why an array variable is REP rather than 1D.
  /** {@code a[k] op= e} at a computed index: an array reduction at best. */
  UPDATED_IN_PLACE("an element is updated in place (a[k] op= e)"),
  /** Read or written where no loop is parallel; may change once loops are re-decided. */
  OUTSIDE_PARALLEL_LOOP("it is accessed outside a parallel loop", true),
  /** Read or written at another index than the parallel loop's; may change once loops are re-decided. */
  OTHER_INDEX("it is accessed at an index other than the parallel loop's", true),
  /**
   * Allocated in 1D_Block beside a 1D_Var frame's rows in a parallel row loop: only a length that is
   * that frame's {@code numRows()} (a series' {@code size()}) places an array like its rows
   * ({@code RowPlacement}).
   */
  NOT_ROW_PLACED("it is used in a row loop over a frame whose rows are not in blocks, and its length is not"
      + " that frame's numRows() or a series' size()", true),
  /** One load feeding several uses. */
  SEVERAL_USES("its value is used in several ways"),
  /** Passed to a call the model does not know. */
  UNMODELLED_CALL("it is passed to code Parjit does not model"),
  /** Wrapped in a frame or series that escapes ({@code FrameEscapes}); the argument is the escape's reason. */
  FRAME_ESCAPES("a frame or series made from it leaves what Parjit follows: %s"),
  /** Indexed as rows in one place and element by element (or as other rows) in another. */
  ROWS_AND_ELEMENTS("it is indexed both as rows (a[k * i + j]) and otherwise"),
  /**
   * A parameter indexed as rows whose width is a local the method computes: the rows are split where
   * the method starts, before that local has its value.
   */
  ROW_WIDTH_AFTER_ENTRY("it is indexed as rows of '%s' elements, a width the method computes after it starts"),
  /** A fixed row {@code a[r * k + c]} read by a loop over rows, SPMD mode ({@link FlatRows#fixedRow}). */
  FIXED_ROW_IN_SPMD("it is read at a fixed row (a[r * k + c]) in SPMD mode, where a row outside the array has no"
      + " original code to fall back on", true),
  /**
   * Two different fixed rows ({@link FlatRows#fixedRow}) of one array read by one loop over rows: the
   * rewrite fetches one row per array and loop.
   */
  TWO_FIXED_ROWS("it is read at two different fixed rows (a[r * k + c]) in one loop over rows, which fetches"
      + " only one", true),
  /** {@code m[r].length} read outside parallel loops of a matrix split by rows, SPMD mode ({@code ParallelRuntime.rowLengthOf}). */
  ROW_LENGTH_IN_SPMD("the length of its row is read outside a parallel loop (m[r].length) in SPMD mode, where a"
      + " missing row has no original code to fall back on", true),
  /** An SPMD parameter indexed as rows: its chunks are not re-split by rows (only spawn-mode arguments are). */
  ROWS_OF_SPMD_PARAMETER("it is an SPMD parameter indexed as rows (a[k * i + c]), which only arrays the method"
      + " allocates are split into"),
  /**
   * Only read, in a loop that indexes the arrays it writes in another way (rows of another width, or
   * elements): read whole instead, so the loop can run over the written arrays ({@code MixedRows}).
   */
  READ_AS_OTHER_ROWS("it is read in loop #%s in another way than the arrays that loop writes (rows of another"
      + " width, or elements)"),
  /** Swaps arrays with a variable that is REP, so it holds REP arrays too. */
  ROTATION_PARTNER("it exchanges arrays with '%s', which is REP"),
  /**
   * Updated only by reductions in a row loop that runs in parallel instead of a loop inside it
   * ({@code RowLoopPreference}); {@code MethodPlanPass} words it as {@link #ARRAY_REDUCTION}.
   */
  ROW_LOOP_REDUCTION("it is an array reduction of loop #%s, which runs over rows instead of the loop inside it"),
  /** Combined element-wise after the loop that updates it. */
  ARRAY_REDUCTION("it is an array reduction (%s), combined element-wise after loop #%s"),

  // Explanations of REP variables that no single use decided.
  /** Stored from a value derived from a demoted origin. */
  DERIVED_FROM_REP("it is derived from '%s', which is REP"),
  /** The result of a reduction over distributed data. */
  REDUCTION_RESULT("result of reduction %s.%s()"),
  /** Named in {@code @Jit(replicated = ...)}. */
  NAMED_REPLICATED("it is named in @Jit(replicated = ...)"),
  /** A specialization for a whole argument. */
  ARRIVES_WHOLE("this specialization's argument arrives whole (REP)"),
  /** SPMD parameters not named distributed. */
  SPMD_PARAMETER("parameters are replicated in SPMD mode unless named in @Jit(distributed = ...)"),
  /** A parameter reassigned, or not a 1D primitive array. */
  PARAMETER_NOT_1D("the parameter is reassigned, or is not a one-dimensional primitive array"),
  /** Any other data variable. */
  NOT_DATA_SOURCE("it is not an array allocated in the method, a 1D parameter or a frame source");

  private final String template;
  private final boolean loopDependent;

  DeclineRule(String template) {
    this(template, false);
  }

  DeclineRule(String template, boolean loopDependent) {
    this.template = template;
    this.loopDependent = loopDependent;
  }

  /**
   * Whether the decline depends on which loops are parallel. The array fixpoint applies such
   * declines only once no structural one (escapes, in-place updates) is left: those change the loop
   * decisions, which may then keep arrays 1D that an earlier, pessimistic decision would have lost.
   */
  public boolean loopDependent() {
    return loopDependent;
  }

  /** The sentence, with {@code args} in its {@code %s} places. */
  String render(Object... args) {
    return String.format(java.util.Locale.ROOT, template, args);
  }
}
