package org.panthorverify.models.fwhandshake;

import java.util.Set;

/**
 * Constants of the firmware-handshake model.
 *
 * @param slots CSG slots (one CS each)
 * @param hang the FW may hang (stop answering)
 * @param unplug the device may be unplugged at any time (not only after a failed boot)
 * @param suspend runtime PM may suspend and resume the device
 * @param events the FW raises CSG and CS events (the GLB idle event is always on)
 * @param flush GPU cache flushes (and their completion IRQ and timeout) are modelled
 * @param variants the seeded bugs switched on (bug-zoo ids and this model's own)
 */
public record FwConfig(int slots, boolean hang, boolean unplug, boolean suspend,
    boolean events, boolean flush, Set<String> variants) {
  public FwConfig {
    if (slots < 1 || slots > 4) {
      throw new IllegalArgumentException("slots must be 1..4, was " + slots);
    }
    variants = Set.copyOf(variants);
    for (String v : variants) {
      if (!FwModel.VARIANTS.containsKey(v)) {
        throw new IllegalArgumentException("unknown variant " + v);
      }
    }
  }

  boolean bug(String variant) {
    return variants.contains(variant);
  }
}
