package io.portevoix.delivery.application;

import io.portevoix.delivery.EmailOptions;
import io.portevoix.delivery.EmailOptionsDetails;
import io.portevoix.delivery.application.port.EmailAccountSettings;
import io.portevoix.delivery.application.port.SmtpServerTable;
import io.portevoix.shared.AccountId;
import io.portevoix.shared.InvalidInputException;
import io.portevoix.shared.InvalidInputException.FieldError;
import io.portevoix.tenancy.AccessLevel;
import io.portevoix.tenancy.Actor;
import io.portevoix.tenancy.Area;
import io.portevoix.tenancy.AuditLog;
import io.portevoix.tenancy.TenantContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class EmailOptionsService implements EmailOptions {

    private final EmailAccountSettings settings;
    private final SmtpServerTable servers;
    private final AuditLog audit;

    EmailOptionsService(EmailAccountSettings settings, SmtpServerTable servers, AuditLog audit) {
        this.settings = settings;
        this.servers = servers;
        this.audit = audit;
    }

    @Override
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('SETTINGS_GUEST')")
    public EmailOptionsDetails current() {
        EmailAccountSettings.Options o = options(TenantContext.requireAccount());
        return new EmailOptionsDetails(o.servers(), choices(), o.perSecond(), o.perMinute(), o.perHour());
    }

    @Override
    @Transactional
    public EmailOptionsDetails chooseServers(List<UUID> chosen) {
        if (!TenantContext.currentActorCan(Area.SETTINGS, AccessLevel.EDITOR)) {
            throw new AccessDeniedException("Choosing the SMTP servers needs the EDITOR level for SETTINGS");
        }
        Map<UUID, String> enabled = choices().stream()
                .collect(Collectors.toMap(EmailOptionsDetails.ServerChoice::id, EmailOptionsDetails.ServerChoice::name));
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < chosen.size(); i++) {
            if (!enabled.containsKey(chosen.get(i))) {
                errors.add(new FieldError("servers[" + i + "]", "Not an enabled SMTP server: " + chosen.get(i)));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        AccountId account = TenantContext.requireAccount();
        EmailAccountSettings.Options o = options(account);
        List<UUID> distinct = List.copyOf(new LinkedHashSet<>(chosen));
        settings.save(account, new EmailAccountSettings.Options(distinct, o.perSecond(), o.perMinute(), o.perHour()));
        audit.record("delivery.email-servers", distinct.isEmpty() ? "all enabled servers"
                : distinct.stream().map(enabled::get).collect(Collectors.joining(", ")), "");
        return current();
    }

    @Override
    @Transactional
    public EmailOptionsDetails limit(@Nullable Integer perSecond, @Nullable Integer perMinute, @Nullable Integer perHour) {
        boolean platformAdmin = TenantContext.currentActor().map(Actor::platformAdministrator).orElse(false);
        if (!platformAdmin && !TenantContext.currentActorCan(Area.SETTINGS, AccessLevel.APPROVER)) {
            throw new AccessDeniedException("Sending limits are set by a platform administrator or a SETTINGS approver");
        }
        List<FieldError> errors = new ArrayList<>();
        check(errors, "perSecond", perSecond);
        check(errors, "perMinute", perMinute);
        check(errors, "perHour", perHour);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        AccountId account = TenantContext.requireAccount();
        settings.save(account, new EmailAccountSettings.Options(options(account).servers(), perSecond, perMinute, perHour));
        audit.record("delivery.email-limits", (perSecond == null ? "-" : perSecond) + "/s, "
                + (perMinute == null ? "-" : perMinute) + "/min, " + (perHour == null ? "-" : perHour) + "/h", "");
        return current();
    }

    private static void check(List<FieldError> errors, String field, @Nullable Integer value) {
        if (value != null && value < 1) {
            errors.add(new FieldError(field, "At least 1, or no limit"));
        }
    }

    private EmailAccountSettings.Options options(AccountId account) {
        return settings.find(account).orElse(EmailAccountSettings.Options.NONE);
    }

    private List<EmailOptionsDetails.ServerChoice> choices() {
        return servers.all().stream().filter(SmtpServerTable.Row::enabled)
                .map(r -> new EmailOptionsDetails.ServerChoice(r.id(), r.name())).toList();
    }
}
