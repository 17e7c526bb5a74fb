package io.portevoix.templates.adapter.ui.composer;

import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.contextmenu.SubMenu;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import io.portevoix.templates.MergeTag;
import java.util.List;
import java.util.function.Consumer;

/** "Insérer une balise": the merge tags by group, each with an example value; picking one inserts it. */
public final class MergeTagMenu extends MenuBar {

    public MergeTagMenu(List<MergeTag> tags, Consumer<String> insert) {
        addThemeVariants(MenuBarVariant.LUMO_TERTIARY, MenuBarVariant.LUMO_SMALL);
        addClassName("pv-tag-menu");
        HorizontalLayout label = new HorizontalLayout(VaadinIcon.CURLY_BRACKETS.create(),
                new Span(getTranslation("templates.tags.insert")));
        label.setSpacing(false);
        label.getStyle().set("gap", "var(--lumo-space-xs)");
        MenuItem root = addItem(label);
        SubMenu groups = root.getSubMenu();
        for (String group : List.of("contact", "account", "links")) {
            SubMenu items = groups.addItem(getTranslation("templates.tags.group." + group)).getSubMenu();
            tags.stream().filter(tag -> tag.group().equals(group)).forEach(tag -> {
                Span name = new Span(tag.snippet());
                name.addClassName("pv-tag-name");
                Span example = new Span(tag.example().isBlank() ? getTranslation("templates.tags.empty") : tag.example());
                example.addClassName("pv-tag-example");
                HorizontalLayout line = new HorizontalLayout(name, example);
                line.setJustifyContentMode(com.vaadin.flow.component.orderedlayout.FlexComponent.JustifyContentMode.BETWEEN);
                line.setWidthFull();
                items.addItem(line, e -> insert.accept(tag.snippet()));
            });
        }
    }

    /** Inserts {@code snippet} at the caret of a Vaadin text field (or at its end) and syncs the value. */
    public static void insertAtCaret(com.vaadin.flow.component.textfield.TextFieldBase<?, String> field, String snippet) {
        field.getElement().executeJs("""
                const input = this.inputElement;
                const start = input.selectionStart ?? input.value.length;
                const end = input.selectionEnd ?? start;
                this.value = input.value.slice(0, start) + $0 + input.value.slice(end);
                this.dispatchEvent(new CustomEvent('change', {bubbles: true}));
                input.focus();
                input.setSelectionRange(start + $0.length, start + $0.length);""", snippet)
                .then(ignored -> {
                }, failure -> field.setValue(field.getValue() + snippet));
    }
}
