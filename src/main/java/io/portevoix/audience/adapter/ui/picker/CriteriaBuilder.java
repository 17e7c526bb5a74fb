package io.portevoix.audience.adapter.ui.picker;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import io.portevoix.audience.AttributeSettings;
import io.portevoix.audience.SegmentQueries;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The criteria builder of segments and of the audience picker: nested ALL/ANY groups (three levels),
 * fields chosen from a list (built-in and the account's custom attributes), operators offered by
 * field type, value editors by type (existing values proposed, dates picked). Tells its listener
 * whenever the criteria change.
 */
public final class CriteriaBuilder extends Div {

    private static final Set<String> NO_VALUE = Set.of("isEmpty", "isNotEmpty", "isTrue", "isFalse");
    private static final Set<String> NUMBERS = Set.of("inLastDays", "inNextDays", "moreThanDaysAgo", "birthdayInDays");

    private final SegmentQueries queries;
    private final Map<String, List<String>> operators;
    private final Map<String, String> attributeLabels = new HashMap<>();
    private Map<String, String> campaignNames = Map.of();
    private final Select<String> match = new Select<>();
    private final Div rules = new Div();
    private final List<Node> rows = new ArrayList<>();
    private final HorizontalLayout header;
    private Runnable onChange = () -> { };

    public CriteriaBuilder(SegmentQueries queries, AttributeSettings attributes) {
        this.queries = queries;
        this.operators = queries.operatorsByField();
        attributes.definitions().forEach(d -> attributeLabels.put("attributes." + d.key(), d.label()));
        addClassName("pv-criteria-builder");
        match.setItems("ALL", "ANY");
        match.setItemLabelGenerator(m -> getTranslation("segments.match." + m));
        match.setValue("ALL");
        match.addValueChangeListener(e -> recount());
        header = new HorizontalLayout(new Span(getTranslation("segments.membersMatching")), match);
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        Button add = new Button(getTranslation("segments.addRule"), VaadinIcon.PLUS.create(), e -> addRule(rows, rules));
        add.setId("add-rule");
        Button addGroup = new Button(getTranslation("segments.addGroup"), VaadinIcon.FOLDER_ADD.create(),
                e -> addGroup(rows, rules, 1));
        addGroup.setId("add-group");
        addGroup.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        rules.addClassName("pv-rules");
        HorizontalLayout adding = new HorizontalLayout(add, addGroup);
        adding.setWidthFull();
        adding.setFlexGrow(1, add);
        add(header, rules, adding);
    }

    /** Called on every change of the criteria. */
    public void onChange(Runnable listener) {
        this.onChange = listener;
    }

    /** Puts a component (a live count) at the end of the "members matching ALL/ANY" line. */
    public void addToHeader(Component component) {
        header.add(component);
    }

    /** Starts with one empty rule. */
    public void addEmptyRule() {
        addRule(rows, rules);
    }

    public void clear() {
        rows.clear();
        rules.removeAll();
        match.setValue("ALL");
        recount();
    }

    /** Whether at least one rule is complete. */
    public boolean hasRules() {
        return rows.stream().anyMatch(Node::complete);
    }

    private void recount() {
        onChange.run();
    }

    /** The criteria as the grammar of API.md writes them; incomplete rules are left out. */
    public Map<String, Object> criteria() {
        Map<String, Object> criteria = new LinkedHashMap<>();
        criteria.put("match", match.getValue());
        criteria.put("rules", rows.stream().filter(Node::complete).map(Node::tree).toList());
        return criteria;
    }

    /** Shows criteria of the grammar (a saved segment, a built-in one, a campaign's). */
    @SuppressWarnings("unchecked")
    public void load(Object tree) {
        rows.clear();
        rules.removeAll();
        Map<String, Object> criteria = (Map<String, Object>) tree;
        match.setValue(String.valueOf(criteria.getOrDefault("match", "ALL")));
        loadInto(rows, rules, (List<Object>) criteria.getOrDefault("rules", List.of()), 1);
        recount();
    }

    private RuleRow addRule(List<Node> owner, Div container) {
        RuleRow row = new RuleRow(owner, container);
        owner.add(row);
        container.add(row);
        recount();
        return row;
    }

    private RuleGroup addGroup(List<Node> owner, Div container, int depth) {
        RuleGroup group = new RuleGroup(owner, container, depth);
        owner.add(group);
        container.add(group);
        recount();
        return group;
    }

    @SuppressWarnings("unchecked")
    private void loadInto(List<Node> owner, Div container, List<Object> items, int depth) {
        for (Object item : items) {
            if (item instanceof Map<?, ?> map && map.containsKey("rules")) {
                RuleGroup group = addGroup(owner, container, depth);
                group.match.setValue(String.valueOf(map.get("match") == null ? "ALL" : map.get("match")));
                loadInto(group.items, group.children, (List<Object>) map.get("rules"), depth + 1);
            } else if (item instanceof Map<?, ?> map && map.containsKey("field")) {
                RuleRow row = addRule(owner, container);
                row.field.setValue(String.valueOf(map.get("field")));
                row.op.setValue(String.valueOf(map.get("op")));
                Object value = map.get("value");
                row.value.setValue(value instanceof List<?> list ? String.join(", ", list.stream().map(String::valueOf).toList())
                        : value == null ? "" : String.valueOf(value));
                if (row.choice.isVisible() && value != null) {
                    row.choice.setValue(String.valueOf(value));
                }
                if (row.choices.isVisible() && value instanceof List<?> list) {
                    row.choices.select(list.stream().map(String::valueOf).toList());
                }
                if (row.date.isVisible() && value != null) {
                    List<?> dates = value instanceof List<?> list ? list : List.of(value);
                    row.date.setValue(localDate(dates.get(0)));
                    row.dateTo.setValue(dates.size() > 1 ? localDate(dates.get(1)) : null);
                }
            }
        }
    }

    private static java.time.@org.jspecify.annotations.Nullable LocalDate localDate(Object value) {
        try {
            return java.time.LocalDate.parse(String.valueOf(value).substring(0, Math.min(10, String.valueOf(value).length())));
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** A rule or a group of rules of the builder. */
    private interface Node {

        boolean complete();

        /** The node as the criteria grammar writes it. */
        Map<String, Object> tree();
    }

    /** A group of rules matched together (ALL or ANY) inside the criteria, itself one rule of its parent. */
    private final class RuleGroup extends Div implements Node {

        private final Select<String> match = new Select<>();
        private final Div children = new Div();
        private final List<Node> items = new ArrayList<>();

        RuleGroup(List<Node> owner, Div container, int depth) {
            addClassName("pv-rule-group");
            match.setItems("ALL", "ANY");
            match.setItemLabelGenerator(m -> getTranslation("segments.match." + m));
            match.setValue("ANY");
            match.addValueChangeListener(e -> recount());
            Button remove = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> {
                owner.remove(this);
                container.remove(this);
                recount();
            });
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            remove.getElement().setAttribute("aria-label", getTranslation("segments.removeGroup"));
            HorizontalLayout header = new HorizontalLayout(new Span(getTranslation("segments.group")), match, remove);
            header.setAlignItems(FlexComponent.Alignment.BASELINE);
            children.addClassName("pv-rules");
            Button addRule = new Button(getTranslation("segments.addRule"), VaadinIcon.PLUS.create(),
                    e -> addRule(items, children));
            addRule.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            addRule.addClassName("pv-group-add-rule");
            HorizontalLayout adding = new HorizontalLayout(addRule);
            if (depth < 3) {
                Button addGroup = new Button(getTranslation("segments.addGroup"), VaadinIcon.FOLDER_ADD.create(),
                        e -> addGroup(items, children, depth + 1));
                addGroup.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
                adding.add(addGroup);
            }
            add(header, children, adding);
        }

        @Override
        public boolean complete() {
            return items.stream().anyMatch(Node::complete);
        }

        @Override
        public Map<String, Object> tree() {
            Map<String, Object> group = new LinkedHashMap<>();
            group.put("match", match.getValue());
            group.put("rules", items.stream().filter(Node::complete).map(Node::tree).toList());
            return group;
        }
    }

    /** One rule of the builder: field, operator offered by the field's type, value. */
    private final class RuleRow extends HorizontalLayout implements Node {

        private final ComboBox<String> field = new ComboBox<>();
        private final Select<String> op = new Select<>();
        private final TextField value = new TextField();
        private final DatePicker date = new DatePicker();
        private final DatePicker dateTo = new DatePicker();
        private final ComboBox<String> choice = new ComboBox<>();
        private final com.vaadin.flow.component.combobox.MultiSelectComboBox<String> choices =
                new com.vaadin.flow.component.combobox.MultiSelectComboBox<>();
        private List<String> suggested = List.of();

        RuleRow(List<Node> owner, Div container) {
            addClassName("pv-rule");
            setAlignItems(FlexComponent.Alignment.BASELINE);
            field.setItems(operators.keySet());
            field.setItemLabelGenerator(f -> attributeLabels.getOrDefault(f, label("field." + f, f)));
            field.setPlaceholder(getTranslation("segments.field"));
            field.setAllowCustomValue(true);
            field.addCustomValueSetListener(e -> field.setValue(e.getDetail()));
            field.setWidth("260px");
            field.addClassName("pv-rule-field");
            op.setItemLabelGenerator(o -> label("op." + o, o));
            op.setWidth("220px");
            value.setPlaceholder(getTranslation("segments.value"));
            value.setValueChangeMode(ValueChangeMode.LAZY);
            value.setWidth("240px");
            choice.setAllowCustomValue(true);
            choice.addCustomValueSetListener(e -> choice.setValue(e.getDetail()));
            choice.setItemLabelGenerator(this::suggestionLabel);
            choice.setPlaceholder(getTranslation("segments.value"));
            choice.setWidth("240px");
            choice.addClassName("pv-rule-choice");
            choices.setItemLabelGenerator(this::suggestionLabel);
            choices.setPlaceholder(getTranslation("segments.value"));
            choices.setWidth("320px");
            choices.addClassName("pv-rule-choices");
            choice.addValueChangeListener(e -> recount());
            choices.addValueChangeListener(e -> recount());
            Button remove = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> {
                owner.remove(this);
                container.remove(this);
                recount();
            });
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            remove.getElement().setAttribute("aria-label", getTranslation("segments.removeRule"));
            field.addValueChangeListener(e -> {
                List<String> ops = operators.getOrDefault(e.getValue(),
                        e.getValue() != null && e.getValue().startsWith("attributes.")
                                ? operators.get("firstName") : List.of());
                suggested = e.getValue() == null ? List.of() : queries.suggestions(e.getValue());
                if (e.getValue() != null && e.getValue().startsWith("campaign.")) {
                    campaignNames = queries.campaigns();
                }
                choice.setItems(suggested);
                choices.setItems(suggested);
                op.setItems(ops);
                if (!ops.isEmpty()) {
                    op.setValue(ops.contains("eq") ? "eq" : ops.getFirst());
                }
                showEditor();
                recount();
            });
            op.addValueChangeListener(e -> {
                showEditor();
                recount();
            });
            value.addValueChangeListener(e -> recount());
            for (DatePicker picker : List.of(date, dateTo)) {
                picker.setWidth("160px");
                picker.addValueChangeListener(e -> recount());
            }
            date.addClassName("pv-rule-date");
            dateTo.addClassName("pv-rule-date-to");
            add(field, op, value, date, dateTo, choice, choices, remove);
            showEditor();
        }

        /** Existing values are offered for equality and list operators; the free text field otherwise. */
        private void showEditor() {
            String operator = op.getValue();
            boolean needsValue = operator == null || !NO_VALUE.contains(operator);
            boolean list = "in".equals(operator) || "notIn".equals(operator);
            boolean single = "eq".equals(operator) || "neq".equals(operator) || "contains".equals(operator);
            boolean dated = needsValue && dateField() && !NUMBERS.contains(operator);
            choice.setVisible(needsValue && !dated && !suggested.isEmpty() && single);
            choices.setVisible(needsValue && !dated && !suggested.isEmpty() && list);
            date.setVisible(dated);
            dateTo.setVisible(dated && "between".equals(operator));
            value.setVisible(needsValue && !dated && !choice.isVisible() && !choices.isVisible());
        }

        /** Dates are picked, not typed: the fields whose operators count days. */
        private boolean dateField() {
            List<String> ops = field.getValue() == null ? List.of() : operators.getOrDefault(field.getValue(), List.of());
            return ops.contains("inLastDays") || ops.contains("birthdayInDays");
        }

        private boolean numberField() {
            List<String> ops = field.getValue() == null ? List.of() : operators.getOrDefault(field.getValue(), List.of());
            return ops.contains("gt") && !dateField();
        }

        private String suggestionLabel(String suggestion) {
            if (field.getValue() != null && field.getValue().startsWith("campaign.")) {
                return campaignNames.getOrDefault(suggestion, suggestion);
            }
            return "status".equals(field.getValue()) ? label("contacts.status." + suggestion, suggestion) : suggestion;
        }

        /** The value as typed or picked: a list for list operators. */
        private String text() {
            if (date.isVisible()) {
                String from = date.getValue() == null ? "" : date.getValue().toString();
                return dateTo.isVisible() ? (from.isEmpty() || dateTo.getValue() == null ? "" : from + ", " + dateTo.getValue())
                        : from;
            }
            if (choice.isVisible()) {
                return choice.getValue() == null ? "" : choice.getValue();
            }
            if (choices.isVisible()) {
                return String.join(", ", choices.getSelectedItems());
            }
            return value.getValue();
        }

        @Override
        public boolean complete() {
            return field.getValue() != null && op.getValue() != null
                    && (NO_VALUE.contains(op.getValue()) || !text().isBlank());
        }

        @Override
        public Map<String, Object> tree() {
            Map<String, Object> rule = new LinkedHashMap<>();
            rule.put("field", field.getValue());
            rule.put("op", op.getValue());
            if (!NO_VALUE.contains(op.getValue())) {
                String text = text().strip();
                boolean list = op.getValue().equals("in") || op.getValue().equals("notIn") || op.getValue().equals("between");
                rule.put("value", list ? Arrays.stream(text.split("\\s*[,;]\\s*")).map(this::typed).toList() : typed(text));
            }
            return rule;
        }

        private Object typed(String text) {
            boolean numeric = NUMBERS.contains(op.getValue()) || numberField();
            if (numeric) {
                try {
                    return new BigDecimal(text);
                } catch (NumberFormatException e) {
                    return text;
                }
            }
            return text;
        }

        private String label(String key, String fallback) {
            String text = getTranslation(key);
            return text.startsWith("!") ? fallback : text;
        }
    }
}
