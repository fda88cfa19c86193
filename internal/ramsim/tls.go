// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package ramsim

import (
	"crypto/tls"
	"errors"
	"fmt"
	"net"
)

// HTTPS. Some clients call STS over HTTPS only: credentials-go's RAM role
// provider (the provider's assume_role block, CLI profiles of mode
// RamRoleArn) builds https:// URLs whatever the endpoint says. With
// Config.TLSCertFile and TLSKeyFile, Start serves HTTPS, so those clients
// can run against ramsim; the client must trust the certificate (Go on
// Linux reads SSL_CERT_FILE).

// loadTLS loads the certificate and key Config names, both or neither; nil
// without them.
func loadTLS(cfg Config) (*tls.Config, error) {
	switch {
	case cfg.TLSCertFile == "" && cfg.TLSKeyFile == "":
		return nil, nil
	case cfg.TLSKeyFile == "":
		return nil, errors.New("ramsim: TLSCertFile is set without TLSKeyFile: give both, or neither to serve plain HTTP")
	case cfg.TLSCertFile == "":
		return nil, errors.New("ramsim: TLSKeyFile is set without TLSCertFile: give both, or neither to serve plain HTTP")
	}
	cert, err := tls.LoadX509KeyPair(cfg.TLSCertFile, cfg.TLSKeyFile)
	if err != nil {
		return nil, fmt.Errorf("ramsim: TLS certificate %s with key %s: %w", cfg.TLSCertFile, cfg.TLSKeyFile, err)
	}
	// HTTP/1.1 only, as over plain HTTP: the SDKs speak it, and the fault
	// injector's lost and reset answers take over the connection, which
	// HTTP/2 does not allow.
	return &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12, NextProtos: []string{"http/1.1"}}, nil
}

// tlsListener is ln, wrapped in TLS when the server has a certificate.
func (s *Server) tlsListener(ln net.Listener) net.Listener {
	if s.tls == nil {
		return ln
	}
	return tls.NewListener(ln, s.tls)
}

// scheme is the scheme of URL: https with a certificate.
func (s *Server) scheme() string {
	if s.tls == nil {
		return "http"
	}
	return "https"
}
