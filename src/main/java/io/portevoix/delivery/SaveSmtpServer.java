package io.portevoix.delivery;

import org.jspecify.annotations.Nullable;

/**
 * Creates or changes an SMTP server. {@code password} null keeps the stored one (when editing),
 * empty removes it; any other value is sealed with {@code PORTEVOIX_SECRET} before it is stored.
 */
public record SaveSmtpServer(String name, String host, int port, SmtpSecurity security, String user,
        @Nullable String password, int weight, @Nullable Integer maxPerSecond, boolean enabled) {

    public SaveSmtpServer {
        name = name == null ? "" : name.strip();
        host = host == null ? "" : host.strip();
        user = user == null ? "" : user.strip();
        security = security == null ? SmtpSecurity.NONE : security;
    }
}
