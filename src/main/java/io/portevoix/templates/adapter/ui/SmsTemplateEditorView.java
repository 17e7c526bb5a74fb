package io.portevoix.templates.adapter.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.portevoix.audience.Channel;
import io.portevoix.templates.MergeTagException;
import io.portevoix.templates.TemplateCommands;
import io.portevoix.templates.TemplateDetails;
import io.portevoix.templates.TemplateId;
import io.portevoix.templates.TemplateQueries;
import io.portevoix.templates.TemplateRenderer;
import io.portevoix.templates.TemplateStatus;
import io.portevoix.tenancy.AccessLevel;
import io.portevoix.tenancy.Area;
import io.portevoix.tenancy.TenantContext;
import jakarta.annotation.security.RolesAllowed;
import java.util.UUID;

/** An SMS template: the composer with its live counter, saved on demand. */
@Route("templates/:id/sms")
@PageTitle("Porte-Voix")
@RolesAllowed("TEMPLATES_GUEST")
final class SmsTemplateEditorView extends Main implements BeforeEnterObserver {

    private final TemplateQueries queries;
    private final TemplateCommands commands;
    private final TemplateRenderer renderer;
    private TemplateDetails template;

    SmsTemplateEditorView(TemplateQueries queries, TemplateCommands commands, TemplateRenderer renderer) {
        this.queries = queries;
        this.commands = commands;
        this.renderer = renderer;
        addClassName("pv-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            TemplateId id = new TemplateId(UUID.fromString(event.getRouteParameters().get("id").orElse("")));
            template = queries.find(id).filter(t -> t.channel() == Channel.SMS).orElse(null);
        } catch (IllegalArgumentException e) {
            template = null;
        }
        if (template == null) {
            event.forwardTo(TemplateListView.class);
            return;
        }
        render();
    }

    private void render() {
        removeAll();
        boolean editable = TenantContext.currentActorCan(Area.TEMPLATES, AccessLevel.EDITOR)
                && !(template.locked() && template.fromNetwork()) && template.status() == TemplateStatus.ACTIVE;
        Button back = new Button(getTranslation("templates.back"), VaadinIcon.ARROW_LEFT.create(),
                e -> getUI().ifPresent(ui -> ui.navigate(TemplateListView.class)));
        back.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        H2 title = new H2(template.name());
        title.setId("template-name");
        HorizontalLayout header = new HorizontalLayout(back, title);
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.setWidthFull();
        TemplateBadges.add(header, template.summary());
        SmsComposer composer = new SmsComposer(renderer, renderer.mergeTags(), template.smsText(), queries.stopMention(),
                editable);
        Div spacer = new Div();
        header.addAndExpand(spacer);
        if (editable) {
            Button save = new Button(getTranslation("action.save"), VaadinIcon.CHECK.create(), e -> {
                try {
                    template = commands.saveSms(template.id(), composer.value());
                    TemplateMessages.success(getTranslation("templates.saved.notification"));
                } catch (MergeTagException ex) {
                    TemplateMessages.error(TemplateMessages.describe(ex));
                }
            });
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            save.setId("template-save");
            header.add(save);
        } else {
            Div notice = new Div(VaadinIcon.LOCK.create(), new Span(getTranslation(
                    template.locked() && template.fromNetwork() ? "templates.locked.notice" : "templates.readOnly")));
            notice.addClassName("pv-notice");
            add(header, notice, composer);
            return;
        }
        add(header, composer);
    }
}
