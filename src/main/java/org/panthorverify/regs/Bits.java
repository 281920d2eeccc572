package org.panthorverify.regs;

/** Bit helpers shared by the parser, the linter, the generators and the checker. */
public final class Bits {
  private Bits() {}

  /** {@code GENMASK(msb, lsb)} on 64 bits. */
  public static long mask(int msb, int lsb) {
    long high = msb >= 63 ? -1L : (1L << (msb + 1)) - 1;
    return high & ~((1L << lsb) - 1);
  }

  /** {@code 0x…} in lower case. */
  public static String hex(long v) {
    return "0x" + Long.toHexString(v);
  }

  /** The bit range of a contiguous mask, or null when it is zero or not contiguous. */
  public static int[] range(long mask) {
    if (mask == 0) {
      return null;
    }
    int lsb = Long.numberOfTrailingZeros(mask);
    int msb = 63 - Long.numberOfLeadingZeros(mask);
    return mask(msb, lsb) == mask ? new int[] {msb, lsb} : null;
  }

  /** {@code 7:4}, or {@code 5} for one bit. */
  public static String bits(int msb, int lsb) {
    return msb == lsb ? Integer.toString(lsb) : msb + ":" + lsb;
  }

  /** {@code bits 7:4} of a mask, or its hex value when it is not one range. */
  public static String describeMask(long mask) {
    int[] r = range(mask);
    return r == null ? "mask " + hex(mask) : "bits " + bits(r[0], r[1]);
  }
}
