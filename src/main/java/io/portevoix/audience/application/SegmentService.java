package io.portevoix.audience.application;

import io.portevoix.audience.BuiltInSegment;
import io.portevoix.audience.SegmentCommands;
import io.portevoix.audience.SegmentDetails;
import io.portevoix.audience.SegmentId;
import io.portevoix.audience.SegmentInUseException;
import io.portevoix.audience.SegmentQueries;
import io.portevoix.audience.spi.SegmentUsage;
import io.portevoix.audience.application.port.Segments;
import io.portevoix.audience.domain.AttributeSchema;
import io.portevoix.audience.domain.Criteria;
import io.portevoix.audience.AttributeDefinition;
import io.portevoix.audience.AttributeType;
import io.portevoix.shared.AccountId;
import io.portevoix.shared.InvalidInputException;
import io.portevoix.tenancy.AccountQueries;
import io.portevoix.tenancy.Actor;
import io.portevoix.tenancy.AuditLog;
import io.portevoix.tenancy.TenantContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class SegmentService implements SegmentCommands, SegmentQueries {

    private final Segments segments;
    private final AccountQueries accounts;
    private final AuditLog audit;
    private final Clock clock;
    private final AttributeService attributes;
    private final ObjectProvider<SegmentUsage> usage;
    private final ObjectProvider<io.portevoix.audience.spi.CampaignDirectory> directory;

    SegmentService(Segments segments, AccountQueries accounts, AuditLog audit, Clock clock, AttributeService attributes,
            ObjectProvider<SegmentUsage> usage, ObjectProvider<io.portevoix.audience.spi.CampaignDirectory> directory) {
        this.directory = directory;
        this.attributes = attributes;
        this.usage = usage;
        this.segments = segments;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional
    @PreAuthorize("hasRole('SEGMENTS_EDITOR')")
    public SegmentDetails create(String name, Object criteria) {
        String checked = checkedName(name);
        Criteria.parse(criteria, attributes.schema());
        Instant now = clock.instant();
        SegmentDetails segment = new SegmentDetails(new SegmentId(UUID.randomUUID()), checked, criteria,
                TenantContext.currentActor().map(Actor::displayName).orElse("system"), now, now);
        segments.insert(TenantContext.requireAccount(), segment);
        audit.record("segment.create", segment.name(), "");
        return segment;
    }

    @Override
    @Transactional
    @PreAuthorize("hasRole('SEGMENTS_EDITOR')")
    public SegmentDetails update(SegmentId id, String name, Object criteria) {
        SegmentDetails current = load(id);
        String checked = checkedName(name);
        Criteria.parse(criteria, attributes.schema());
        SegmentDetails changed = new SegmentDetails(id, checked, criteria, current.createdBy(), current.createdAt(),
                clock.instant());
        segments.update(TenantContext.requireAccount(), changed);
        audit.record("segment.edit", checked, "");
        return changed;
    }

    @Override
    @Transactional
    @PreAuthorize("hasRole('SEGMENTS_EDITOR')")
    public SegmentDetails duplicate(SegmentId id) {
        SegmentDetails source = load(id);
        String copyName = source.name().length() > 190 ? source.name().substring(0, 190) : source.name();
        String suffix = "en".equals(accounts.current().locale().getLanguage()) ? " (copy)" : " (copie)";
        return create(copyName + suffix, source.criteria());
    }

    @Override
    @Transactional
    @PreAuthorize("hasRole('SEGMENTS_EDITOR')")
    public void delete(SegmentId id) {
        SegmentDetails segment = load(id);
        List<String> campaigns = usage.orderedStream().flatMap(u -> u.activeCampaignsUsing(id).stream()).toList();
        if (!campaigns.isEmpty()) {
            throw new SegmentInUseException(campaigns);
        }
        segments.delete(TenantContext.requireAccount(), id);
        audit.record("segment.delete", segment.name(), "");
    }

    private SegmentDetails load(SegmentId id) {
        return segments.find(TenantContext.requireAccount(), id).orElseThrow(() -> new NoSuchElementException("No such segment"));
    }

    private static String checkedName(String name) {
        if (name == null || name.isBlank() || name.strip().length() > 200) {
            throw InvalidInputException.of("name", "A segment needs a name of at most 200 characters");
        }
        return name.strip();
    }

    @Override
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('SEGMENTS_GUEST')")
    public Optional<SegmentDetails> find(SegmentId id) {
        return segments.find(TenantContext.requireAccount(), id);
    }

    @Override
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('SEGMENTS_GUEST')")
    public List<SegmentDetails> list() {
        return segments.list(TenantContext.requireAccount());
    }

    @Override
    public List<BuiltInSegment> builtIns() {
        return BUILT_INS;
    }

    private static final List<BuiltInSegment> BUILT_INS = List.of(
            new BuiltInSegment("all", group("ALL")),
            new BuiltInSegment("active", group("ALL", rule("status", "eq", "CLIENT"))),
            new BuiltInSegment("inactive", group("ALL", rule("status", "in", List.of("PROSPECT", "FORMER_CLIENT")))),
            new BuiltInSegment("leaders", group("ALL", rule("tags", "contains", "Dirigeant"), rule("status", "eq", "CLIENT"))),
            new BuiltInSegment("board", group("ALL", rule("tags", "contains", "Conseil"))));

    @SafeVarargs
    private static java.util.Map<String, Object> group(String match, java.util.Map<String, Object>... rules) {
        return java.util.Map.of("match", match, "rules", List.of(rules));
    }

    private static java.util.Map<String, Object> rule(String field, String op, Object value) {
        return java.util.Map.of("field", field, "op", op, "value", value);
    }

    @Override
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('SEGMENTS_GUEST')")
    public long count(Object criteria) {
        return count(TenantContext.requireAccount(), Criteria.parse(criteria, attributes.schema()));
    }

    @Override
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('SEGMENTS_GUEST')")
    public long count(SegmentId id) {
        AccountId account = TenantContext.requireAccount();
        SegmentDetails segment = segments.find(account, id).orElseThrow(() -> new NoSuchElementException("No such segment"));
        return count(account, Criteria.parse(segment.criteria(), attributes.schema()));
    }

    @Override
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('SEGMENTS_GUEST')")
    public List<String> suggestions(String field) {
        if ("status".equals(field)) {
            return java.util.Arrays.stream(io.portevoix.audience.ContactStatus.values()).map(Enum::name).toList();
        }
        if (Criteria.BEHAVIOUR.contains(field)) {
            return List.copyOf(campaigns().keySet());
        }
        if (field.startsWith("attributes.")) {
            Optional<AttributeDefinition> definition = attributes.schema().find(field.substring("attributes.".length()));
            if (definition.isPresent() && definition.get().type() == AttributeType.CHOICE) {
                return definition.get().choices();
            }
            if (definition.isPresent() && definition.get().type() != AttributeType.TEXT) {
                return List.of();
            }
        }
        return segments.suggestions(TenantContext.requireAccount(), field, 100);
    }

    @Override
    public java.util.Map<String, List<String>> operatorsByField() {
        java.util.Map<String, List<String>> fields = new java.util.TreeMap<>();
        Criteria.FIELDS.forEach((field, type) -> fields.put(field, Criteria.OPS.get(type).stream().sorted().toList()));
        if (directory.getIfAvailable() != null) {
            Criteria.BEHAVIOUR.forEach(field -> fields.put(field, Criteria.OPS.get(Criteria.Type.CAMPAIGN).stream().sorted()
                    .toList()));
        }
        AttributeSchema schema = attributes.schema();
        schema.definitions().forEach(d -> fields.put("attributes." + d.key(), schema.operators(d.key())));
        for (String channel : List.of("EMAIL", "SMS")) {
            for (String type : List.of("INFORMATIVE", "MARKETING")) {
                fields.put("consent." + channel + "." + type, List.of("isFalse", "isTrue"));
            }
        }
        return fields;
    }

    @Override
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('SEGMENTS_GUEST')")
    public java.util.Map<String, String> campaigns() {
        var campaigns = directory.getIfAvailable();
        return campaigns == null ? java.util.Map.of() : campaigns.sentCampaigns();
    }

    private long count(AccountId account, Criteria criteria) {
        ZoneId zone = accounts.current().timeZone();
        return segments.count(account, criteria, LocalDate.now(clock.withZone(zone)), zone);
    }
}
