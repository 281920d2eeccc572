---- MODULE MC_large ----
(* FwHandshake with the registry's large config (slots=1, hang, unplug, suspend and *)
(* events on, flush off; no variant). The Java explorer finds 36,308,717    *)
(* distinct states, depth 80 (./panthor-verify check fw-handshake --config  *)
(* large).                                                                  *)
EXTENDS FwHandshake
MC_Slots == 1
MC_Variant == "none"
====
