// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package msesim

import "time"

// Config describes the emulated MSE of one account.
type Config struct {
	AccountID string           // the account whose ARNs requests are authorized on
	Now       func() time.Time // the clock of creation times and history
	// Fixtures is the path of a JSON file with the clusters and gateways to
	// emulate; "" loads the built-in set (testdata/fixtures/default.json).
	Fixtures string
}

// Service is the emulated MSE of one account: its Nacos instances and
// gateways, built from the fixtures and kept in memory only. It is not
// safe for concurrent use: the server calls it with its lock held.
type Service struct {
	cfg Config
	mse *mseStore
}

// New loads cfg.Fixtures; a bad file is an error naming the file and the
// field.
func New(cfg Config) (*Service, error) {
	ms, err := loadMSEFixtures(cfg.Fixtures, cfg.Now())
	if err != nil {
		return nil, err
	}
	return &Service{cfg: cfg, mse: ms}, nil
}
