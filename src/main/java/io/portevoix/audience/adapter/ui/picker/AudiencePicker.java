package io.portevoix.audience.adapter.ui.picker;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import io.portevoix.audience.AttributeSettings;
import io.portevoix.audience.Audience;
import io.portevoix.audience.AudienceCount;
import io.portevoix.audience.AudienceQueries;
import io.portevoix.audience.BroadcastType;
import io.portevoix.audience.BuiltInSegment;
import io.portevoix.audience.Channel;
import io.portevoix.audience.ContactFilter;
import io.portevoix.audience.ContactId;
import io.portevoix.audience.ContactQueries;
import io.portevoix.audience.ContactSummary;
import io.portevoix.audience.Exclusion;
import io.portevoix.audience.ImportQueries;
import io.portevoix.audience.ImportStatus;
import io.portevoix.audience.ImportSummary;
import io.portevoix.audience.SegmentDetails;
import io.portevoix.audience.SegmentQueries;
import io.portevoix.shared.InvalidInputException;
import io.portevoix.shared.PageSpec;
import java.text.NumberFormat;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Who receives a message: built-in and saved segments, import lists, members picked by name and
 * ad-hoc criteria, cumulated. Below, the live count for the campaign's channel and broadcast
 * type: the recipients, and each exclusion with its number.
 */
public final class AudiencePicker extends Div {

    private final AudienceQueries audiences;
    private final CheckboxGroup<BuiltInSegment> builtIns = new CheckboxGroup<>();
    private final MultiSelectComboBox<SegmentDetails> segments = new MultiSelectComboBox<>();
    private final MultiSelectComboBox<ImportSummary> imports = new MultiSelectComboBox<>();
    private final MultiSelectComboBox<ContactSummary> contacts = new MultiSelectComboBox<>();
    private final Checkbox withCriteria = new Checkbox();
    private final CriteriaBuilder criteria;
    private final Div count = new Div();
    private final NumberFormat numbers;
    private Channel channel = Channel.EMAIL;
    private BroadcastType type = BroadcastType.INFORMATIVE;
    private Runnable onChange = () -> { };
    private boolean loading;

    public AudiencePicker(AudienceQueries audiences, SegmentQueries segmentQueries, ImportQueries importQueries,
            ContactQueries contactQueries, AttributeSettings attributes) {
        this.audiences = audiences;
        this.numbers = NumberFormat.getIntegerInstance(getLocale());
        addClassName("pv-audience-picker");
        builtIns.setLabel(getTranslation("picker.builtIns"));
        builtIns.setItems(segmentQueries.builtIns());
        builtIns.setItemLabelGenerator(b -> getTranslation("segments.builtin." + b.key()));
        builtIns.setId("audience-builtins");
        segments.setLabel(getTranslation("picker.segments"));
        segments.setItems(segmentQueries.list());
        segments.setItemLabelGenerator(SegmentDetails::name);
        segments.setId("audience-segments");
        DateTimeFormatter dates = DateTimeFormatter.ofPattern("dd/MM/yyyy");
        imports.setLabel(getTranslation("picker.imports"));
        imports.setItems(importQueries.recent().stream().filter(i -> i.status() == ImportStatus.DONE).toList());
        imports.setItemLabelGenerator(i -> getTranslation("picker.import", i.listName(),
                dates.format(i.createdAt().atZone(ZoneId.of("Europe/Paris"))), numbers.format(i.created() + i.updated())));
        imports.setId("audience-imports");
        contacts.setLabel(getTranslation("picker.contacts"));
        contacts.setPlaceholder(getTranslation("picker.contacts.placeholder"));
        contacts.setItemLabelGenerator(c -> name(c) + (c.email() == null ? "" : " · " + c.email()));
        contacts.setItems(query -> contactQueries.page(new ContactFilter(query.getFilter().orElse(null), null),
                new PageSpec(query.getOffset(), query.getLimit())).stream());
        contacts.setId("audience-contacts");
        for (var field : List.of(segments, imports, contacts)) {
            field.setWidthFull();
        }
        builtIns.addValueChangeListener(e -> changed());
        segments.addValueChangeListener(e -> changed());
        imports.addValueChangeListener(e -> changed());
        contacts.addValueChangeListener(e -> changed());
        criteria = new CriteriaBuilder(segmentQueries, attributes);
        criteria.onChange(this::changed);
        criteria.setVisible(false);
        withCriteria.setLabel(getTranslation("picker.criteria"));
        withCriteria.setId("audience-with-criteria");
        withCriteria.addValueChangeListener(e -> {
            criteria.setVisible(e.getValue());
            if (e.getValue() && !criteria.hasRules()) {
                criteria.addEmptyRule();
            }
            changed();
        });
        FormLayout form = new FormLayout(segments, imports, contacts);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("800px", 2));
        count.addClassName("pv-audience-count");
        count.setId("audience-count");
        add(builtIns, form, withCriteria, criteria, count);
    }

    private static String name(ContactSummary c) {
        String name = ((c.firstName() == null ? "" : c.firstName()) + " " + (c.lastName() == null ? "" : c.lastName())).strip();
        return name.isEmpty() ? String.valueOf(c.email()) : name;
    }

    /** Called whenever the audience changes (after the count is refreshed). */
    public void onChange(Runnable listener) {
        this.onChange = listener;
    }

    /** The channel and broadcast type the count's exclusions are for. */
    public void countFor(Channel channel, BroadcastType type) {
        this.channel = channel;
        this.type = type;
        refreshCount();
    }

    public Audience getValue() {
        Object tree = withCriteria.getValue() && criteria.hasRules() ? criteria.criteria() : null;
        return new Audience(builtIns.getSelectedItems().stream().map(BuiltInSegment::key).toList(),
                segments.getSelectedItems().stream().map(SegmentDetails::id).toList(),
                imports.getSelectedItems().stream().map(ImportSummary::id).toList(),
                contacts.getSelectedItems().stream().map(ContactSummary::id).toList(), tree);
    }

    /** Shows an audience; picked contacts are looked up by id. */
    public void setValue(Audience audience, List<ContactSummary> picked) {
        loading = true;
        try {
            builtIns.select(builtIns.getListDataView().getItems().filter(b -> audience.builtIns().contains(b.key())).toList());
            segments.select(segments.getListDataView().getItems().filter(s -> audience.segmentIds().contains(s.id()))
                    .toList());
            imports.select(imports.getListDataView().getItems().filter(i -> audience.importIds().contains(i.id())).toList());
            Set<ContactId> ids = new HashSet<>(audience.contactIds());
            contacts.select(picked.stream().filter(c -> ids.contains(c.id())).toList());
            withCriteria.setValue(audience.criteria() != null);
            if (audience.criteria() != null) {
                criteria.load(audience.criteria());
            }
        } finally {
            loading = false;
        }
        refreshCount();
    }

    public void setReadOnly(boolean readOnly) {
        builtIns.setReadOnly(readOnly);
        for (var field : List.of(segments, imports, contacts)) {
            field.setReadOnly(readOnly);
        }
        withCriteria.setReadOnly(readOnly);
        criteria.setEnabled(!readOnly);
    }

    private void changed() {
        if (loading) {
            return;
        }
        refreshCount();
        onChange.run();
    }

    /** The live count: recipients, then each exclusion with its number. */
    public @Nullable AudienceCount refreshCount() {
        count.removeAll();
        Audience audience = getValue();
        if (audience.isEmpty()) {
            count.add(new Span(getTranslation("picker.empty")));
            return null;
        }
        try {
            AudienceCount result = audiences.count(audience, channel, type);
            Span recipients = new Span(getTranslation("picker.recipients", numbers.format(result.recipients())));
            recipients.addClassName("pv-live-count");
            recipients.setId("audience-recipients");
            count.add(recipients);
            for (Map.Entry<Exclusion, Long> e : result.excluded().entrySet().stream()
                    .sorted(Map.Entry.comparingByKey()).toList()) {
                Span badge = new Span(getTranslation("exclusion." + e.getKey().name()) + " : " + numbers.format(e.getValue()));
                badge.getElement().getThemeList().add("badge contrast");
                badge.addClassName("pv-exclusion");
                count.add(badge);
            }
            return result;
        } catch (InvalidInputException e) {
            count.add(new Span(getTranslation("segments.incomplete")));
            return null;
        }
    }
}
