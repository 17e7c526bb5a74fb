package io.portevoix.audience.application;

import io.portevoix.audience.AttributeDefinition;
import io.portevoix.audience.AttributeSettings;
import io.portevoix.audience.application.port.AttributeDefinitions;
import io.portevoix.audience.domain.AttributeSchema;
import io.portevoix.tenancy.AuditLog;
import io.portevoix.tenancy.TenantContext;
import java.time.Clock;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class AttributeService implements AttributeSettings {

    private final AttributeDefinitions definitions;
    private final AuditLog audit;
    private final Clock clock;

    AttributeService(AttributeDefinitions definitions, AuditLog audit, Clock clock) {
        this.definitions = definitions;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('CONTACTS_GUEST')")
    public List<AttributeDefinition> definitions() {
        return definitions.list(TenantContext.requireAccount());
    }

    @Override
    @Transactional
    @PreAuthorize("hasRole('SETTINGS_EDITOR')")
    public AttributeDefinition save(AttributeDefinition definition) {
        AttributeDefinition checked = AttributeSchema.check(definition);
        definitions.save(TenantContext.requireAccount(), checked, clock.instant());
        audit.record("contacts.attribute.save", checked.key(), checked.type() + " " + checked.label());
        return checked;
    }

    @Override
    @Transactional
    @PreAuthorize("hasRole('SETTINGS_EDITOR')")
    public void delete(String key) {
        if (definitions.delete(TenantContext.requireAccount(), key)) {
            audit.record("contacts.attribute.delete", key, "");
        }
    }

    /** The current account's definitions as a schema, for checking values and typing criteria. */
    AttributeSchema schema() {
        return new AttributeSchema(definitions.list(TenantContext.requireAccount()));
    }
}
