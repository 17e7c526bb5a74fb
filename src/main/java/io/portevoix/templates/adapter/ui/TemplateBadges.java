package io.portevoix.templates.adapter.ui;

import com.vaadin.flow.component.HasComponents;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import io.portevoix.templates.TemplateStatus;
import io.portevoix.templates.TemplateSummary;

/** The small badges that say where a template comes from and what may be done with it. */
final class TemplateBadges {

    private TemplateBadges() {
    }

    static void add(HasComponents target, TemplateSummary t) {
        if (t.fromNetwork()) {
            target.add(badge(VaadinIcon.SITEMAP, t.modifiedLocally() ? "templates.badge.networkModified"
                    : "templates.badge.network", "contrast"));
        }
        if (t.locked() && t.fromNetwork()) {
            target.add(badge(VaadinIcon.LOCK, "templates.badge.locked", "error"));
        }
        if (t.published()) {
            target.add(badge(VaadinIcon.CONNECT, "templates.badge.published", "success"));
        }
        if (t.status() == TemplateStatus.ARCHIVED) {
            target.add(badge(VaadinIcon.ARCHIVE, "templates.badge.archived", "contrast"));
        }
    }

    private static Span badge(VaadinIcon icon, String key, String theme) {
        Icon symbol = icon.create();
        symbol.getStyle().set("padding", "var(--lumo-space-xs)");
        Span badge = new Span(symbol, new Span(com.vaadin.flow.component.UI.getCurrent().getTranslation(key)));
        badge.getElement().getThemeList().add("badge small " + theme);
        return badge;
    }
}
