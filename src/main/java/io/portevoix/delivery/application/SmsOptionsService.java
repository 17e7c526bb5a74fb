package io.portevoix.delivery.application;

import io.portevoix.delivery.application.port.SmsAccountSettings;
import io.portevoix.delivery.application.port.SmsGateway;
import io.portevoix.shared.AccountId;
import io.portevoix.shared.InvalidInputException;
import io.portevoix.tenancy.AccessLevel;
import io.portevoix.tenancy.Area;
import io.portevoix.tenancy.AuditLog;
import io.portevoix.tenancy.TenantContext;
import java.util.List;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class SmsOptionsService implements io.portevoix.delivery.SmsOptions {

    static final int MAX_PARTS = 10;

    private final SmsAccountSettings settings;
    private final SmsGateways gateways;
    private final DeliverySettings installation;
    private final AuditLog audit;

    SmsOptionsService(SmsAccountSettings settings, SmsGateways gateways, DeliverySettings installation, AuditLog audit) {
        this.settings = settings;
        this.gateways = gateways;
        this.installation = installation;
        this.audit = audit;
    }

    @Override
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('SETTINGS_GUEST')")
    public io.portevoix.delivery.SmsOptionsDetails current() {
        AccountId account = TenantContext.requireAccount();
        SmsAccountSettings.Options options = settings.find(account)
                .orElse(new SmsAccountSettings.Options(installation.sms().maxParts(), ""));
        return new io.portevoix.delivery.SmsOptionsDetails(options.maxParts(), options.gateway(), gateways.installationDefault().map(SmsGateway::name)
                .orElse(""), gateways.all().stream().map(SmsGateway::name).toList());
    }

    @Override
    @Transactional
    public io.portevoix.delivery.SmsOptionsDetails change(int maxParts, String gateway) {
        if (!TenantContext.currentActorCan(Area.SETTINGS, AccessLevel.EDITOR)) {
            throw new AccessDeniedException("Changing the SMS options needs the EDITOR level for SETTINGS");
        }
        String name = gateway == null ? "" : gateway.strip();
        List<InvalidInputException.FieldError> errors = new java.util.ArrayList<>();
        if (maxParts < 1 || maxParts > MAX_PARTS) {
            errors.add(new InvalidInputException.FieldError("maxParts", "Between 1 and " + MAX_PARTS + " parts"));
        }
        if (!name.isEmpty() && gateways.all().stream().noneMatch(g -> g.name().equals(name))) {
            errors.add(new InvalidInputException.FieldError("gateway", "No such SMS gateway in this installation: " + name));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        settings.save(TenantContext.requireAccount(), new SmsAccountSettings.Options(maxParts, name));
        audit.record("delivery.sms-options", maxParts + " parts", name.isEmpty() ? "default gateway" : name);
        return current();
    }
}
