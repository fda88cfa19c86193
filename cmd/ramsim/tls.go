// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package main

import (
	"errors"
	"flag"

	"github.com/mseram/terraform-provider-mseram/internal/ramsim"
)

// tlsFlags registers -tls-cert and -tls-key, which fill cfg's TLSCertFile
// and TLSKeyFile, and returns the check to run after parsing: both flags
// or neither.
func tlsFlags(fs *flag.FlagSet, cfg *ramsim.Config) func() error {
	fs.StringVar(&cfg.TLSCertFile, "tls-cert", "", "PEM file of the server certificate (with -tls-key): serve HTTPS, as clients that call STS\n"+
		"over HTTPS only need (the provider's assume_role, CLI profiles); clients must trust it (e.g. SSL_CERT_FILE)")
	fs.StringVar(&cfg.TLSKeyFile, "tls-key", "", "PEM file of the private key of -tls-cert")
	return func() error {
		switch {
		case cfg.TLSCertFile != "" && cfg.TLSKeyFile == "":
			return errors.New("-tls-cert needs -tls-key (the certificate's private key): give both, or neither to serve plain HTTP")
		case cfg.TLSKeyFile != "" && cfg.TLSCertFile == "":
			return errors.New("-tls-key needs -tls-cert (the certificate): give both, or neither to serve plain HTTP")
		}
		return nil
	}
}
