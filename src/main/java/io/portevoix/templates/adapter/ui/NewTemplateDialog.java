package io.portevoix.templates.adapter.ui;

import io.portevoix.templates.adapter.ui.composer.TemplateMessages;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import io.portevoix.audience.Channel;
import io.portevoix.templates.CreateTemplate;
import io.portevoix.templates.MergeTagException;
import io.portevoix.templates.SanitizedHtml;
import io.portevoix.templates.TemplateCommands;
import io.portevoix.templates.TemplateDetails;
import io.portevoix.templates.TemplateFilter;
import io.portevoix.templates.TemplateId;
import io.portevoix.templates.TemplateQueries;
import io.portevoix.templates.TemplateStart;
import io.portevoix.templates.TemplateStatus;
import io.portevoix.templates.TemplateSummary;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/** A new template: its name and channel, and what it starts from (blank, a starter, a copy, an HTML file). */
final class NewTemplateDialog extends Dialog {

    /** The choices of "start from". */
    enum Origin {
        BLANK, STARTER, COPY, IMPORT
    }

    private final TemplateQueries queries;
    private final TemplateCommands commands;
    private final BiConsumer<TemplateId, Channel> opened;
    private final TextField name = new TextField();
    private final TextArea description = new TextArea();
    private final TextField tags = new TextField();
    private final RadioButtonGroup<Channel> channel = new RadioButtonGroup<>();
    private final RadioButtonGroup<Origin> origin = new RadioButtonGroup<>();
    private final RadioButtonGroup<TemplateStart.Starter> starter = new RadioButtonGroup<>();
    private final ComboBox<TemplateSummary> source = new ComboBox<>();
    private final Div importPanel = new Div();
    private final Div report = new Div();
    private @Nullable String importedName;
    private @Nullable String importedHtml;

    NewTemplateDialog(TemplateQueries queries, TemplateCommands commands, BiConsumer<TemplateId, Channel> opened) {
        this.queries = queries;
        this.commands = commands;
        this.opened = opened;
        setHeaderTitle(getTranslation("templates.new"));
        setWidth("640px");
        name.setLabel(getTranslation("templates.name"));
        name.setRequired(true);
        name.setMaxLength(200);
        name.setWidthFull();
        name.setId("new-template-name");
        description.setLabel(getTranslation("templates.description"));
        description.setMaxLength(1000);
        description.setWidthFull();
        tags.setLabel(getTranslation("templates.tags"));
        tags.setHelperText(getTranslation("templates.tags.help"));
        tags.setWidthFull();
        channel.setLabel(getTranslation("templates.channel"));
        channel.setItems(Channel.values());
        channel.setItemLabelGenerator(c -> getTranslation("templates.channel." + c.name()));
        channel.setValue(Channel.EMAIL);
        channel.setId("new-template-channel");
        origin.setLabel(getTranslation("templates.origin"));
        origin.setItemLabelGenerator(o -> getTranslation("templates.origin." + o.name()));
        origin.setId("new-template-origin");
        starter.setItems(TemplateStart.Starter.values());
        starter.setItemLabelGenerator(s -> getTranslation("templates.starter." + s.name()));
        starter.setValue(TemplateStart.Starter.SIMPLE_MESSAGE);
        starter.setId("new-template-starter");
        starter.addClassName("pv-indented");
        source.setLabel(getTranslation("templates.origin.COPY"));
        source.setItemLabelGenerator(TemplateSummary::name);
        source.setWidthFull();
        source.addClassName("pv-indented");
        Upload upload = new Upload(UploadHandler.inMemory((metadata, data) -> getUI().ifPresent(ui -> ui.access(() -> {
            importedName = metadata.fileName();
            importedHtml = new String(data, StandardCharsets.UTF_8);
            showReport(queries.sanitize(importedHtml));
        }))));
        upload.setAcceptedFileTypes("text/html", ".html", ".htm");
        upload.setMaxFileSize(2 * 1024 * 1024);
        upload.setId("new-template-upload");
        upload.setUploadButton(new Button(getTranslation("templates.import.choose"), VaadinIcon.FILE_CODE.create()));
        importPanel.add(upload, report);
        importPanel.addClassName("pv-indented");
        report.addClassName("pv-import-removals");
        channel.addValueChangeListener(e -> updateChoices());
        origin.addValueChangeListener(e -> updateVisibility());
        updateChoices();
        Div form = new Div(name, description, tags, channel, origin, starter, source, importPanel);
        form.addClassName("pv-dialog-form");
        add(form);
        Button create = new Button(getTranslation("templates.create"), VaadinIcon.CHECK.create(), e -> create());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setId("new-template-create");
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), create);
    }

    private void updateChoices() {
        boolean email = channel.getValue() == Channel.EMAIL;
        origin.setItems(email ? List.of(Origin.values()) : List.of(Origin.BLANK, Origin.COPY));
        origin.setValue(email ? Origin.STARTER : Origin.BLANK);
        source.setItems(queries.list(new TemplateFilter(null, channel.getValue(), TemplateStatus.ACTIVE, null)));
        updateVisibility();
    }

    private void updateVisibility() {
        starter.setVisible(origin.getValue() == Origin.STARTER);
        source.setVisible(origin.getValue() == Origin.COPY);
        importPanel.setVisible(origin.getValue() == Origin.IMPORT);
    }

    private void showReport(SanitizedHtml sanitized) {
        report.removeAll();
        if (sanitized.removals().isEmpty()) {
            report.add(new Div(VaadinIcon.CHECK.create(), new Span(getTranslation("templates.import.clean"))));
            return;
        }
        Span title = new Span(getTranslation("templates.import.removed"));
        title.addClassName("pv-check-rule");
        report.add(title);
        for (SanitizedHtml.Removal removal : sanitized.removals()) {
            Div line = new Div(VaadinIcon.SHIELD.create(), new Span(getTranslation("templates.removal." + removal.kind().name())
                    + " — " + removal.detail() + (removal.count() > 1 ? " (×" + removal.count() + ")" : "")));
            line.addClassName("pv-import-removal");
            report.add(line);
        }
    }

    private void create() {
        if (name.getValue().isBlank()) {
            name.setInvalid(true);
            name.setErrorMessage(getTranslation("validation.required"));
            return;
        }
        TemplateStart start = switch (origin.getValue() == null ? Origin.BLANK : origin.getValue()) {
            case BLANK -> new TemplateStart.Blank();
            case STARTER -> new TemplateStart.FromStarter(starter.getValue());
            case COPY -> source.getValue() == null ? null : new TemplateStart.CopyOf(source.getValue().id());
            case IMPORT -> importedHtml == null ? null : new TemplateStart.ImportedHtml(importedName, importedHtml);
        };
        if (start == null) {
            TemplateMessages.error(getTranslation(origin.getValue() == Origin.COPY ? "templates.origin.pickCopy"
                    : "templates.import.pick"));
            return;
        }
        try {
            TemplateDetails created = commands.create(new CreateTemplate(name.getValue(), description.getValue(),
                    channel.getValue(), Arrays.stream(tags.getValue().split(",")).map(String::strip)
                            .filter(t -> !t.isEmpty()).toList(), null, start));
            close();
            opened.accept(created.id(), created.channel());
        } catch (MergeTagException e) {
            TemplateMessages.error(TemplateMessages.describe(e));
        }
    }
}
