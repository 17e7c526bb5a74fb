package io.portevoix.templates.adapter.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import io.portevoix.templates.CheckFinding;
import io.portevoix.templates.CheckRule;
import java.util.List;
import java.util.function.Consumer;

/**
 * The accessibility and deliverability check: each finding with what to fix, and a button that
 * selects the offending block in the editor.
 */
final class CheckPanel extends Div {

    private final Div findings = new Div();
    private final Consumer<String> select;

    CheckPanel(Consumer<String> select) {
        this.select = select;
        addClassName("pv-check-panel");
        setId("check-panel");
        add(new H3(getTranslation("templates.check.title")), findings);
        findings.addClassName("pv-check-findings");
    }

    void show(List<CheckFinding> results) {
        findings.removeAll();
        if (results.isEmpty()) {
            Icon ok = VaadinIcon.CHECK_CIRCLE.create();
            ok.addClassName("pv-check-ok");
            Div clean = new Div(ok, new Span(getTranslation("templates.check.clean")));
            clean.addClassName("pv-check-clean");
            clean.setId("check-clean");
            findings.add(clean);
            return;
        }
        Span count = new Span(getTranslation("templates.check.count", results.size()));
        count.addClassName("pv-check-count");
        findings.add(count);
        for (CheckFinding finding : results) {
            Icon icon = (severe(finding.rule()) ? VaadinIcon.WARNING : VaadinIcon.INFO_CIRCLE).create();
            icon.addClassName(severe(finding.rule()) ? "pv-check-severe" : "pv-check-info");
            Span title = new Span(getTranslation("templates.check.rule." + finding.rule().name()));
            title.addClassName("pv-check-rule");
            Span advice = new Span(getTranslation("templates.check.advice." + finding.rule().name()));
            advice.addClassName("pv-check-advice");
            Div text = new Div(title, advice);
            if (!finding.detail().isBlank()) {
                Span detail = new Span(finding.detail());
                detail.addClassName("pv-check-detail");
                text.add(detail);
            }
            Div item = new Div(icon, text);
            item.addClassName("pv-check-item");
            item.getElement().setAttribute("data-rule", finding.rule().name());
            if (!finding.selector().isBlank()) {
                Button show = new Button(getTranslation("templates.check.show"), VaadinIcon.CROSSHAIRS.create(),
                        e -> select.accept(finding.selector()));
                show.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
                item.add(show);
            }
            findings.add(item);
        }
    }

    private static boolean severe(CheckRule rule) {
        return rule == CheckRule.MISSING_UNSUBSCRIBE || rule == CheckRule.CLIPPED_BY_GMAIL || rule == CheckRule.IMAGE_ONLY
                || rule == CheckRule.LOW_CONTRAST;
    }
}
