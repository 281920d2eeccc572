------------------------------- MODULE TwoPhase -------------------------------
(***************************************************************************)
(* The two-phase commit protocol of Gray and Lamport ("Consensus on         *)
(* Transaction Commit"), as a testkit model for panthor-verify.  A         *)
(* transaction manager (TM) collects "Prepared" messages from a set of     *)
(* resource managers (RMs) and broadcasts "Commit" or "Abort".  Messages    *)
(* are never lost and never removed: msgs only grows.                       *)
(*                                                                         *)
(* Its Java twin is org.panthorverify.testkit.TwoPhaseModel; the action     *)
(* and variable names are the same on both sides, and both must find the    *)
(* same number of distinct states (296,448 / 1,745,408 / 10,340,352 /       *)
(* 61,515,776 for 7 / 8 / 9 / 10 RMs).                                      *)
(***************************************************************************)
CONSTANT RM   \* the set of resource managers

VARIABLES
  rmState,     \* rmState[r] is the state of resource manager r
  tmState,     \* the state of the transaction manager
  tmPrepared,  \* the set of RMs from which the TM has received "Prepared"
  msgs         \* every message ever sent

vars == <<rmState, tmState, tmPrepared, msgs>>

Messages == [type : {"Prepared"}, rm : RM] \cup [type : {"Commit", "Abort"}]

TypeOK ==
  /\ rmState \in [RM -> {"working", "prepared", "committed", "aborted"}]
  /\ tmState \in {"init", "committed", "aborted"}
  /\ tmPrepared \subseteq RM
  /\ msgs \subseteq Messages

Init ==
  /\ rmState = [r \in RM |-> "working"]
  /\ tmState = "init"
  /\ tmPrepared = {}
  /\ msgs = {}

(* The TM receives a "Prepared" message from r. *)
TMRcvPrepared(r) ==
  /\ tmState = "init"
  /\ [type |-> "Prepared", rm |-> r] \in msgs
  /\ tmPrepared' = tmPrepared \cup {r}
  /\ UNCHANGED <<rmState, tmState, msgs>>

(* The TM commits once every RM is prepared. *)
TMCommit ==
  /\ tmState = "init"
  /\ tmPrepared = RM
  /\ tmState' = "committed"
  /\ msgs' = msgs \cup {[type |-> "Commit"]}
  /\ UNCHANGED <<rmState, tmPrepared>>

(* The TM may abort at any time before it has decided. *)
TMAbort ==
  /\ tmState = "init"
  /\ tmState' = "aborted"
  /\ msgs' = msgs \cup {[type |-> "Abort"]}
  /\ UNCHANGED <<rmState, tmPrepared>>

(* A working RM prepares and tells the TM. *)
RMPrepare(r) ==
  /\ rmState[r] = "working"
  /\ rmState' = [rmState EXCEPT ![r] = "prepared"]
  /\ msgs' = msgs \cup {[type |-> "Prepared", rm |-> r]}
  /\ UNCHANGED <<tmState, tmPrepared>>

(* A working RM may decide on its own to abort. *)
RMChooseToAbort(r) ==
  /\ rmState[r] = "working"
  /\ rmState' = [rmState EXCEPT ![r] = "aborted"]
  /\ UNCHANGED <<tmState, tmPrepared, msgs>>

RMRcvCommitMsg(r) ==
  /\ [type |-> "Commit"] \in msgs
  /\ rmState' = [rmState EXCEPT ![r] = "committed"]
  /\ UNCHANGED <<tmState, tmPrepared, msgs>>

RMRcvAbortMsg(r) ==
  /\ [type |-> "Abort"] \in msgs
  /\ rmState' = [rmState EXCEPT ![r] = "aborted"]
  /\ UNCHANGED <<tmState, tmPrepared, msgs>>

Next ==
  \/ TMCommit \/ TMAbort
  \/ \E r \in RM :
       TMRcvPrepared(r) \/ RMPrepare(r) \/ RMChooseToAbort(r)
         \/ RMRcvCommitMsg(r) \/ RMRcvAbortMsg(r)

Spec == Init /\ [][Next]_vars

(* No RM has committed while another has aborted. *)
Consistent ==
  \A r1, r2 \in RM : ~ /\ rmState[r1] = "aborted"
                       /\ rmState[r2] = "committed"
===============================================================================
