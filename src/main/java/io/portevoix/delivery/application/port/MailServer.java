package io.portevoix.delivery.application.port;

import io.portevoix.delivery.SmtpSecurity;

/**
 * Where and how to connect to hand over a message: {@code id} names the server (a configured
 * one's id, or {@code builtin}); the password is in clear, only in memory. Two equal records are
 * the same connection settings, so a transport may keep one connection pool per record.
 */
public record MailServer(String id, String host, int port, SmtpSecurity security, String user, String password) {

    @Override
    public String toString() {
        return "MailServer[" + id + " " + host + ":" + port + " " + security + "]";
    }
}
