package dev.parjit.analysis.plan;

/** Recognised reduction operators (counts are SUM; boolean and/or are LAND/LOR on 0/1 ints). */
public enum ReductionOp {
  SUM, PROD, MIN, MAX, LAND, LOR, BAND, BOR, BXOR
}
