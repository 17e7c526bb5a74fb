package io.portevoix.audience.application;

import io.portevoix.audience.Audience;
import io.portevoix.audience.AudienceCommands;
import io.portevoix.audience.AudienceCount;
import io.portevoix.audience.AudienceQueries;
import io.portevoix.audience.AudienceRules;
import io.portevoix.audience.BroadcastType;
import io.portevoix.audience.BuiltInSegment;
import io.portevoix.audience.Channel;
import io.portevoix.audience.ContactDetails;
import io.portevoix.audience.Exclusion;
import io.portevoix.audience.Recipient;
import io.portevoix.audience.SegmentDetails;
import io.portevoix.audience.SegmentId;
import io.portevoix.audience.application.port.Audiences;
import io.portevoix.audience.application.port.Segments;
import io.portevoix.audience.domain.AttributeSchema;
import io.portevoix.audience.domain.Criteria;
import io.portevoix.shared.AccountId;
import io.portevoix.shared.InvalidInputException;
import io.portevoix.shared.InvalidInputException.FieldError;
import io.portevoix.tenancy.AccountQueries;
import io.portevoix.tenancy.AuditLog;
import io.portevoix.tenancy.TenantContext;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class AudienceService implements AudienceQueries, AudienceCommands {

    private final Audiences audiences;
    private final Segments segments;
    private final SegmentService builtIns;
    private final AttributeService attributes;
    private final AccountQueries accounts;
    private final AuditLog audit;
    private final Clock clock;

    AudienceService(Audiences audiences, Segments segments, SegmentService builtIns, AttributeService attributes,
            AccountQueries accounts, AuditLog audit, Clock clock) {
        this.audiences = audiences;
        this.segments = segments;
        this.builtIns = builtIns;
        this.attributes = attributes;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('CONTACTS_GUEST', 'SEGMENTS_GUEST', 'EMAIL_CAMPAIGNS_GUEST', 'SMS_CAMPAIGNS_GUEST')")
    public AudienceCount count(Audience audience, Channel channel, BroadcastType type) {
        AccountId account = TenantContext.requireAccount();
        Map<Exclusion, Long> excluded = new EnumMap<>(Exclusion.class);
        long recipients = 0;
        long selected = 0;
        for (var entry : audiences.count(account, selection(account, audience, channel, type)).entrySet()) {
            selected += entry.getValue();
            if (entry.getKey() == null) {
                recipients = entry.getValue();
            } else {
                excluded.put(entry.getKey(), entry.getValue());
            }
        }
        return new AudienceCount(selected, recipients, excluded);
    }

    @Override
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('CONTACTS_GUEST', 'SEGMENTS_GUEST', 'EMAIL_CAMPAIGNS_GUEST', 'SMS_CAMPAIGNS_GUEST')")
    public long recipients(Audience audience, Channel channel, BroadcastType type, Consumer<Recipient> each) {
        AccountId account = TenantContext.requireAccount();
        return audiences.recipients(account, selection(account, audience, channel, type), each);
    }

    @Override
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('CONTACTS_GUEST', 'SEGMENTS_GUEST', 'EMAIL_CAMPAIGNS_GUEST', 'SMS_CAMPAIGNS_GUEST')")
    public long recipientsWithDetails(Audience audience, Channel channel, BroadcastType type,
            BiConsumer<Recipient, ContactDetails> each) {
        AccountId account = TenantContext.requireAccount();
        return audiences.recipientsWithDetails(account, selection(account, audience, channel, type), each);
    }

    @Override
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('CONTACTS_GUEST', 'SEGMENTS_GUEST', 'EMAIL_CAMPAIGNS_GUEST', 'SMS_CAMPAIGNS_GUEST')")
    public void check(Audience audience) {
        AccountId account = TenantContext.requireAccount();
        selection(account, audience, Channel.EMAIL, BroadcastType.LEGAL);
    }

    /** The audience's parts checked (every problem at once, with its place) and compiled. */
    private Audiences.Selection selection(AccountId account, Audience audience, Channel channel, BroadcastType type) {
        List<FieldError> errors = new ArrayList<>();
        List<Criteria> criteria = new ArrayList<>();
        AttributeSchema schema = attributes.schema();
        for (int i = 0; i < audience.builtIns().size(); i++) {
            String key = audience.builtIns().get(i);
            Optional<BuiltInSegment> builtIn = builtIns.builtIns().stream().filter(b -> b.key().equals(key)).findFirst();
            if (builtIn.isEmpty()) {
                errors.add(new FieldError("audience.builtIns[" + i + "]", "No such built-in segment: " + key));
            } else {
                criteria.add(Criteria.parse(builtIn.get().criteria()));
            }
        }
        for (int i = 0; i < audience.segmentIds().size(); i++) {
            SegmentId id = audience.segmentIds().get(i);
            Optional<SegmentDetails> segment = segments.find(account, id);
            if (segment.isEmpty()) {
                errors.add(new FieldError("audience.segmentIds[" + i + "]", "No such segment: " + id));
            } else {
                criteria.add(Criteria.parse(segment.get().criteria(), schema));
            }
        }
        audiences.unknownImports(account, audience.importIds()).forEach(id -> errors.add(
                new FieldError("audience.importIds[" + audience.importIds().indexOf(id) + "]", "No such import: " + id)));
        audiences.unknownContacts(account, audience.contactIds()).forEach(id -> errors.add(
                new FieldError("audience.contactIds[" + audience.contactIds().indexOf(id) + "]", "No such contact: " + id)));
        if (audience.criteria() != null) {
            try {
                criteria.add(Criteria.parse(audience.criteria(), schema));
            } catch (InvalidInputException invalid) {
                invalid.errors().forEach(e -> errors.add(new FieldError("audience." + e.field(), e.message())));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        ZoneId zone = accounts.current().timeZone();
        return new Audiences.Selection(criteria, audience.importIds(), audience.contactIds(), channel, type,
                audiences.rules(account), LocalDate.now(clock.withZone(zone)), zone);
    }

    @Override
    @Transactional(readOnly = true)
    public AudienceRules rules() {
        return audiences.rules(TenantContext.requireAccount());
    }

    @Override
    @Transactional
    @PreAuthorize("hasRole('SETTINGS_EDITOR')")
    public AudienceRules changeRules(AudienceRules rules) {
        Integer months = rules.formerClientsWithinMonths();
        if (months != null && (months < 1 || months > 120)) {
            throw InvalidInputException.of("formerClientsWithinMonths", "Between 1 and 120 months, or no limit");
        }
        audiences.saveRules(TenantContext.requireAccount(), rules);
        audit.record("contacts.audienceRules", "", "associated members " + (rules.includeAssociatedMembers()
                ? "included" : "left out") + ", former clients " + (months == null ? "without limit" : "within " + months + " months"));
        return rules;
    }
}
