package io.portevoix.templates.adapter.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import io.portevoix.audience.Channel;
import io.portevoix.templates.TemplateDetails;
import io.portevoix.templates.TemplateId;
import io.portevoix.templates.TemplateQueries;
import io.portevoix.templates.TemplateStatus;
import io.portevoix.tenancy.AccessLevel;
import io.portevoix.tenancy.Area;
import io.portevoix.tenancy.TenantContext;
import java.util.Optional;
import java.util.UUID;

/** What the e-mail and SMS editors share: opening the template of the route, who may edit it, the header. */
final class TemplateEditors {

    private TemplateEditors() {
    }

    /** The route's template of that channel; otherwise the user is sent back to the library. */
    static Optional<TemplateDetails> open(BeforeEnterEvent event, TemplateQueries queries, Channel channel) {
        Optional<TemplateDetails> template;
        try {
            TemplateId id = new TemplateId(UUID.fromString(event.getRouteParameters().get("id").orElse("")));
            template = queries.find(id).filter(t -> t.channel() == channel);
        } catch (IllegalArgumentException e) {
            template = Optional.empty();
        }
        if (template.isEmpty()) {
            event.forwardTo(TemplateListView.class);
        }
        return template;
    }

    static boolean editable(TemplateDetails template) {
        return TenantContext.currentActorCan(Area.TEMPLATES, AccessLevel.EDITOR)
                && !(template.locked() && template.fromNetwork()) && template.status() == TemplateStatus.ACTIVE;
    }

    /** Back to the library, the template's name and badges, then a spacer before the view's own actions. */
    static HorizontalLayout header(TemplateDetails template) {
        UI ui = UI.getCurrent();
        Button back = new Button(ui.getTranslation("templates.back"), VaadinIcon.ARROW_LEFT.create(),
                e -> ui.navigate(TemplateListView.class));
        back.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        H2 title = new H2(template.name());
        title.setId("template-name");
        HorizontalLayout header = new HorizontalLayout(back, title);
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.setWidthFull();
        TemplateBadges.add(header, template.summary());
        header.addAndExpand(new Div());
        return header;
    }

    /** Why the template is shown read-only. */
    static Div readOnlyNotice(TemplateDetails template) {
        Div notice = new Div(VaadinIcon.LOCK.create(), new Span(UI.getCurrent().getTranslation(
                template.locked() && template.fromNetwork() ? "templates.locked.notice" : "templates.readOnly")));
        notice.addClassName("pv-notice");
        return notice;
    }
}
