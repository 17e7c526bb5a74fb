package io.portevoix.tenancy.adapter.jdbc;

import io.portevoix.shared.AccountId;
import io.portevoix.tenancy.AccessLevels;
import io.portevoix.tenancy.AccountMembership;
import io.portevoix.tenancy.AccountUser;
import io.portevoix.tenancy.UserId;
import io.portevoix.tenancy.application.port.Users;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcUsers implements Users {

    private final JdbcClient jdbc;

    JdbcUsers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<StoredUser> findForLogin(String email) {
        return DatabaseSession.withLoginEmail(jdbc, email, () -> jdbc
                .sql("select * from tenancy.app_user where lower(email) = lower(?)").param(email.strip())
                .query((rs, n) -> user(rs)).optional());
    }

    @Override
    public Optional<StoredUser> find(UserId id) {
        return jdbc.sql("select * from tenancy.app_user where id = ?").param(id.value()).query((rs, n) -> user(rs))
                .optional();
    }

    private static StoredUser user(ResultSet rs) throws SQLException {
        return new StoredUser(new UserId(rs.getObject("id", UUID.class)), rs.getString("email"),
                rs.getString("display_name"), rs.getString("password_hash"), rs.getBoolean("platform_admin"),
                rs.getString("locale"));
    }

    @Override
    public void insert(StoredUser user) {
        jdbc.sql("""
                insert into tenancy.app_user (id, email, display_name, password_hash, platform_admin, locale)
                values (?, ?, ?, ?, ?, ?)""")
                .params(user.id().value(), user.email(), user.displayName(), user.passwordHash(), user.platformAdmin(),
                        user.locale())
                .update();
    }

    @Override
    public void updatePassword(UserId user, String passwordHash) {
        DatabaseSession.asUser(jdbc, user.toString(), () -> jdbc
                .sql("update tenancy.app_user set password_hash = ? where id = ?")
                .params(passwordHash, user.value()).update());
    }

    @Override
    public void recordLogin(UserId user, Instant at) {
        DatabaseSession.asUser(jdbc, user.toString(), () -> jdbc
                .sql("update tenancy.app_user set last_login_at = ? where id = ?")
                .params(Timestamp.from(at), user.value()).update());
    }

    @Override
    public void makePlatformAdministrator(String email) {
        findForLogin(email).ifPresent(user -> DatabaseSession.asUser(jdbc, user.id().toString(), () -> jdbc
                .sql("update tenancy.app_user set platform_admin = true where id = ?").param(user.id().value())
                .update()));
    }

    @Override
    public List<AccountUser> members(AccountId account) {
        return jdbc.sql("""
                select u.id, u.email, u.display_name, u.last_login_at, m.administrator, m.levels::text as levels
                from tenancy.membership m join tenancy.app_user u on u.id = m.user_id
                where m.account_id = ? order by lower(u.display_name), lower(u.email)""")
                .param(account.value())
                .query((rs, n) -> {
                    Timestamp lastLogin = rs.getTimestamp("last_login_at");
                    return new AccountUser(new UserId(rs.getObject("id", UUID.class)), rs.getString("email"),
                            rs.getString("display_name"), rs.getBoolean("administrator"),
                            LevelsJson.read(rs.getString("levels")), lastLogin == null ? null : lastLogin.toInstant());
                }).list();
    }

    @Override
    public List<AccountUser> askedFor(AccountId account, io.portevoix.tenancy.StaffMail mail) {
        String column = mail == io.portevoix.tenancy.StaffMail.APPROVAL_REQUESTS ? "mail_approval_requests" : "mail_send_reports";
        return members(account).stream().filter(u -> askers(account, column).contains(u.id())).toList();
    }

    private java.util.Set<UserId> askers(AccountId account, String column) {
        return new java.util.HashSet<>(jdbc.sql("select user_id from tenancy.membership where account_id = ? and " + column)
                .param(account.value()).query((rs, n) -> new UserId(rs.getObject(1, UUID.class))).list());
    }

    @Override
    public java.util.Set<io.portevoix.tenancy.StaffMail> staffMail(AccountId account, UserId user) {
        return jdbc.sql("select mail_approval_requests, mail_send_reports from tenancy.membership"
                        + " where account_id = ? and user_id = ?")
                .params(account.value(), user.value()).query((rs, n) -> {
                    java.util.EnumSet<io.portevoix.tenancy.StaffMail> wanted =
                            java.util.EnumSet.noneOf(io.portevoix.tenancy.StaffMail.class);
                    if (rs.getBoolean(1)) {
                        wanted.add(io.portevoix.tenancy.StaffMail.APPROVAL_REQUESTS);
                    }
                    if (rs.getBoolean(2)) {
                        wanted.add(io.portevoix.tenancy.StaffMail.SEND_REPORTS);
                    }
                    return (java.util.Set<io.portevoix.tenancy.StaffMail>) wanted;
                }).optional().orElse(java.util.Set.of());
    }

    @Override
    public void changeStaffMail(AccountId account, UserId user, java.util.Set<io.portevoix.tenancy.StaffMail> wanted) {
        jdbc.sql("update tenancy.membership set mail_approval_requests = ?, mail_send_reports = ?"
                        + " where account_id = ? and user_id = ?")
                .params(wanted.contains(io.portevoix.tenancy.StaffMail.APPROVAL_REQUESTS),
                        wanted.contains(io.portevoix.tenancy.StaffMail.SEND_REPORTS), account.value(), user.value())
                .update();
    }

    @Override
    public List<AccountMembership> memberships(UserId user) {
        return DatabaseSession.asUser(jdbc, user.toString(), () -> jdbc.sql("""
                select m.account_id, a.name, m.administrator, m.levels::text as levels
                from tenancy.membership m join tenancy.account a on a.id = m.account_id
                where m.user_id = ? order by a.parent_id nulls first, lower(a.name)""")
                .param(user.value())
                .query((rs, n) -> new AccountMembership(new AccountId(rs.getObject("account_id", UUID.class)),
                        rs.getString("name"), rs.getBoolean("administrator"), LevelsJson.read(rs.getString("levels"))))
                .list());
    }

    @Override
    public void addMembership(AccountId account, UserId user, boolean administrator, AccessLevels levels) {
        jdbc.sql("insert into tenancy.membership (account_id, user_id, administrator, levels) values (?, ?, ?, ?::jsonb)")
                .params(account.value(), user.value(), administrator, LevelsJson.write(levels)).update();
    }

    @Override
    public boolean updateMembership(AccountId account, UserId user, boolean administrator, AccessLevels levels) {
        return jdbc.sql("update tenancy.membership set administrator = ?, levels = ?::jsonb where account_id = ? and user_id = ?")
                .params(administrator, LevelsJson.write(levels), account.value(), user.value()).update() == 1;
    }

    @Override
    public boolean removeMembership(AccountId account, UserId user) {
        return jdbc.sql("delete from tenancy.membership where account_id = ? and user_id = ?")
                .params(account.value(), user.value()).update() == 1;
    }

    @Override
    public int administratorCount(AccountId account) {
        return jdbc.sql("select count(*) from tenancy.membership where account_id = ? and administrator")
                .param(account.value()).query(Integer.class).single();
    }
}
