package io.portevoix.delivery;

/** How a connection to an SMTP server is protected: none, STARTTLS after connecting, or TLS from the start (SMTPS). */
public enum SmtpSecurity {
    NONE, STARTTLS, TLS
}
