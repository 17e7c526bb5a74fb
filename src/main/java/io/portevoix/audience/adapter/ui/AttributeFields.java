package io.portevoix.audience.adapter.ui;

import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import io.portevoix.audience.AttributeDefinition;
import io.portevoix.audience.AttributeType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The editors of a member's custom fields on the profile: one per definition, by type (text,
 * number, date picker, yes/no, choice list), then the keys the member has without a definition,
 * as text. Gives back the values to save, an emptied field removing its value.
 */
final class AttributeFields {

    private final Map<String, AbstractField<?, ?>> editors = new LinkedHashMap<>();
    private final Map<String, AttributeType> types = new LinkedHashMap<>();

    AttributeFields(List<AttributeDefinition> definitions, Map<String, Object> values) {
        for (AttributeDefinition d : definitions) {
            Object value = values.get(d.key());
            AbstractField<?, ?> editor = switch (d.type()) {
                case NUMBER -> {
                    BigDecimalField field = new BigDecimalField(d.label());
                    field.setValue(value instanceof Number n ? new BigDecimal(n.toString()) : null);
                    yield field;
                }
                case DATE -> {
                    DatePicker field = new DatePicker(d.label());
                    field.setValue(value == null ? null : parseDate(value.toString()));
                    yield field;
                }
                case BOOLEAN -> new Checkbox(d.label(), Boolean.TRUE.equals(value));
                case CHOICE -> {
                    ComboBox<String> field = new ComboBox<>(d.label());
                    field.setItems(d.choices());
                    field.setClearButtonVisible(true);
                    field.setValue(value == null || !d.choices().contains(value.toString()) ? null : value.toString());
                    yield field;
                }
                case TEXT -> text(d.label(), value);
            };
            editors.put(d.key(), editor);
            types.put(d.key(), d.type());
        }
        values.forEach((key, value) -> {
            if (!editors.containsKey(key)) {
                editors.put(key, text(key, value));
                types.put(key, AttributeType.TEXT);
            }
        });
        editors.forEach((key, editor) -> editor.setId("attribute-" + key));
    }

    private static TextField text(String label, Object value) {
        TextField field = new TextField(label);
        field.setValue(value == null ? "" : value.toString());
        return field;
    }

    private static LocalDate parseDate(String text) {
        try {
            return LocalDate.parse(text);
        } catch (RuntimeException e) {
            return null;
        }
    }

    List<Component> components() {
        return new ArrayList<>(editors.values());
    }

    boolean isEmpty() {
        return editors.isEmpty();
    }

    /** Every field's value as the API takes it; null removes the value. */
    Map<String, Object> values() {
        Map<String, Object> values = new LinkedHashMap<>();
        editors.forEach((key, editor) -> {
            Object value = editor.getValue();
            if (value instanceof LocalDate date) {
                value = date.toString();
            } else if (value instanceof String text && text.isBlank()) {
                value = null;
            }
            values.put(key, value);
        });
        return values;
    }

    /** Marks the field of an {@code attributes.<key>} error; false when there is no such field. */
    boolean markInvalid(String field, String message) {
        AbstractField<?, ?> editor = editors.get(field.startsWith("attributes.") ? field.substring(11) : field);
        if (editor instanceof HasValidation validation) {
            validation.setErrorMessage(message);
            validation.setInvalid(true);
            return true;
        }
        return false;
    }

    AttributeType type(String field) {
        return types.getOrDefault(field.startsWith("attributes.") ? field.substring(11) : field, AttributeType.TEXT);
    }

    void clearInvalid() {
        editors.values().forEach(e -> {
            if (e instanceof HasValidation v) {
                v.setInvalid(false);
            }
        });
    }

    void setReadOnly(boolean readOnly) {
        editors.values().forEach(e -> e.setReadOnly(readOnly));
    }
}
