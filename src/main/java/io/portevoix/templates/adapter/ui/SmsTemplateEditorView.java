package io.portevoix.templates.adapter.ui;

import io.portevoix.templates.adapter.ui.composer.SmsComposer;
import io.portevoix.templates.adapter.ui.composer.TemplateMessages;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.portevoix.audience.Channel;
import io.portevoix.templates.MergeTagException;
import io.portevoix.templates.TemplateCommands;
import io.portevoix.templates.TemplateDetails;
import io.portevoix.templates.TemplateQueries;
import io.portevoix.templates.TemplateRenderer;
import jakarta.annotation.security.RolesAllowed;

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
        TemplateEditors.open(event, queries, Channel.SMS).ifPresent(found -> {
            template = found;
            render();
        });
    }

    private void render() {
        removeAll();
        boolean editable = TemplateEditors.editable(template);
        HorizontalLayout header = TemplateEditors.header(template);
        SmsComposer composer = new SmsComposer(renderer, renderer.mergeTags(), template.smsText(), queries.stopMention(),
                editable);
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
            add(header, TemplateEditors.readOnlyNotice(template), composer);
            return;
        }
        add(header, composer);
    }
}
