// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package ramsim

import "github.com/mseram/terraform-provider-mseram/internal/ramsim/faults"

// Counters are the request counts per action and in total; ActionCounters
// those of one action (package faults).
type (
	Counters       = faults.Counters
	ActionCounters = faults.ActionCounters
)

// SetFaults replaces the fault specification (syntax: the ramsim guide,
// section "Faults"; "" turns faults off) and restarts the random sequence
// from seed. A bad spec changes nothing and is reported with the key and
// the rule it breaks.
func (s *Server) SetFaults(spec string, seed int64) error {
	sp, err := faults.Parse(spec, knownAction)
	if err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults.Set(sp, seed)
	s.ram.SetConsistency(sp.Consistency())
	return nil
}

// Faults returns the current specification in canonical form and its seed.
func (s *Server) Faults() (spec string, seed int64) {
	sp, seed := s.faults.Get()
	return sp.String(), seed
}

// Counters returns a copy of the request counts.
func (s *Server) Counters() Counters { return s.counters.Snapshot() }

// ResetCounters sets every count back to zero and returns the counts as
// they were.
func (s *Server) ResetCounters() Counters { return s.counters.Reset() }
