---- MODULE MC_default ----
(* FwHandshake with the registry's default config (FwConfig slots=1, hang=true, unplug=true,   *)
(* suspend=true, events=false, flush=false, no variant).  The Java explorer finds 1,938,915 *)
(* distinct states, depth 76 (./panthor-verify check fw-handshake).                       *)
EXTENDS FwHandshake
MC_Slots == 1
MC_Variant == "none"
====
