package io.portevoix.tenancy.adapter.jdbc;

import io.portevoix.tenancy.Actor;
import io.portevoix.tenancy.TenantContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Locale;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The settings every connection carries for row-level security: the current account and user,
 * whether a platform administrator acts, and the narrow look-ups that authentication needs before
 * anyone is known (a login e-mail, a presented API key hash). They are set each time a connection
 * is handed out, so a pooled connection never keeps another request's values.
 */
final class DatabaseSession {

    private static final ScopedValue<String> LOGIN_EMAIL = ScopedValue.newInstance();
    private static final ScopedValue<String> API_KEY_HASH = ScopedValue.newInstance();
    private static final ScopedValue<String> USER_ID = ScopedValue.newInstance();

    private static final String SET = """
            select set_config('portevoix.account_id', ?, false), set_config('portevoix.user_id', ?, false),
                   set_config('portevoix.platform_admin', ?, false), set_config('portevoix.login_email', ?, false),
                   set_config('portevoix.api_key_hash', ?, false)""";

    private DatabaseSession() {
    }

    /** Lets {@code work} find the user with this login e-mail (and only that one). */
    static <T> T withLoginEmail(JdbcClient jdbc, String email, Supplier<T> work) {
        return with(jdbc, LOGIN_EMAIL, email.strip().toLowerCase(Locale.ROOT), work);
    }

    /** Lets {@code work} find the API key with this hash (and only that one). */
    static <T> T withApiKeyHash(JdbcClient jdbc, String hash, Supplier<T> work) {
        return with(jdbc, API_KEY_HASH, hash, work);
    }

    /** Lets {@code work} act as this user before the user is authenticated (recording a login). */
    static <T> T asUser(JdbcClient jdbc, String userId, Supplier<T> work) {
        return with(jdbc, USER_ID, userId, work);
    }

    /**
     * Binds a value for connections handed out during {@code work}; when a transaction already
     * holds a connection, that connection's settings are refreshed before and after.
     */
    private static <T> T with(JdbcClient jdbc, ScopedValue<String> key, String value, Supplier<T> work) {
        boolean bound = TransactionSynchronizationManager.isActualTransactionActive();
        return ScopedValue.where(key, value).call(() -> {
            if (bound) {
                refresh(jdbc);
            }
            try {
                return work.get();
            } finally {
                if (bound) {
                    ScopedValue.where(key, "").run(() -> refresh(jdbc));
                }
            }
        });
    }

    private static void refresh(JdbcClient jdbc) {
        String[] values = values();
        jdbc.sql(SET).params((Object[]) values).query((rs, n) -> 1).list();
    }

    private static String[] values() {
        @Nullable Actor actor = TenantContext.currentActor().orElse(null);
        String account = TenantContext.currentAccount().map(Object::toString).orElse("");
        String user = USER_ID.isBound() && !USER_ID.get().isEmpty() ? USER_ID.get()
                : actor == null ? "" : actor.userId().map(Object::toString).orElse("");
        String platformAdmin = actor != null && actor.platformAdministrator() ? "on" : "";
        return new String[] {account, user, platformAdmin, LOGIN_EMAIL.isBound() ? LOGIN_EMAIL.get() : "",
                API_KEY_HASH.isBound() ? API_KEY_HASH.get() : ""};
    }

    static void apply(Connection connection) throws SQLException {
        String[] values = values();
        try (PreparedStatement statement = connection.prepareStatement(SET)) {
            for (int i = 0; i < values.length; i++) {
                statement.setString(i + 1, values[i]);
            }
            statement.execute();
        }
    }
}
