package io.portevoix.templates.adapter.ui;

import io.portevoix.templates.adapter.ui.composer.MergeTagMenu;
import io.portevoix.templates.adapter.ui.composer.TemplateMessages;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.IFrame;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.textfield.TextFieldBase;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.portevoix.audience.BroadcastType;
import io.portevoix.audience.Channel;
import io.portevoix.audience.ContactQueries;
import io.portevoix.templates.BrandingBlock;
import io.portevoix.templates.EditedEmail;
import io.portevoix.templates.MergeTagException;
import io.portevoix.templates.MergeTagProblem;
import io.portevoix.templates.TemplateAssets;
import io.portevoix.templates.TemplateCommands;
import io.portevoix.templates.TemplateDetails;
import io.portevoix.templates.TemplateQueries;
import io.portevoix.templates.TemplateRenderer;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The e-mail editor: subject and preheader with the merge-tag picker, GrapesJS in the middle,
 * and beside it the tags for the body and the check panel. Changes are saved automatically.
 */
@Route("templates/:id/email")
@PageTitle("Porte-Voix")
@RolesAllowed("TEMPLATES_GUEST")
final class EmailTemplateEditorView extends Main implements BeforeEnterObserver {

    private final TemplateQueries queries;
    private final TemplateCommands commands;
    private final TemplateRenderer renderer;
    private final TemplateAssets assets;
    private final ContactQueries contacts;
    private final java.time.ZoneId zone;
    private final TextField subject = new TextField();
    private final TextField preheader = new TextField();
    private final Select<BroadcastType> broadcast = new Select<>();
    private final Span saved = new Span();
    private final Div footerNotice = new Div();
    private EmailEditor editor = new EmailEditor();
    private CheckPanel checks = new CheckPanel(selector -> {
    });
    private TemplateDetails template;

    EmailTemplateEditorView(TemplateQueries queries, TemplateCommands commands, TemplateRenderer renderer,
            TemplateAssets assets, ContactQueries contacts, io.portevoix.tenancy.AccountQueries accounts) {
        this.queries = queries;
        this.commands = commands;
        this.renderer = renderer;
        this.assets = assets;
        this.contacts = contacts;
        this.zone = accounts.current().timeZone();
        addClassName("pv-view");
        addClassName("pv-editor-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        TemplateEditors.open(event, queries, Channel.EMAIL).ifPresent(found -> {
            template = found;
            render();
        });
    }

    private boolean editable() {
        return TemplateEditors.editable(template);
    }

    private void render() {
        removeAll();
        boolean editable = editable();
        HorizontalLayout header = TemplateEditors.header(template);
        saved.addClassName("pv-saved");
        saved.setId("template-saved");
        header.add(saved);

        Button preview = new Button(getTranslation("templates.preview"), VaadinIcon.EYE.create(), e -> openPreview());
        preview.setId("template-preview");
        HorizontalLayout tools = new HorizontalLayout();
        tools.setAlignItems(FlexComponent.Alignment.CENTER);
        tools.addClassName("pv-editor-tools");
        if (editable) {
            Button undo = iconButton(VaadinIcon.ARROW_BACKWARD, "templates.undo", () -> editor.undo());
            Button redo = iconButton(VaadinIcon.ARROW_FORWARD, "templates.redo", () -> editor.redo());
            Button desktop = iconButton(VaadinIcon.DESKTOP, "templates.desktop", () -> editor.device("Desktop"));
            Button mobile = iconButton(VaadinIcon.MOBILE, "templates.mobile", () -> editor.device("Mobile"));
            mobile.setId("device-mobile");
            Button images = new Button(getTranslation("templates.images"), VaadinIcon.PICTURE.create(),
                    e -> new ImageLibraryDialog(assets, editor::addAssets).open());
            images.setId("template-images");
            Button test = new Button(getTranslation("templates.test"), VaadinIcon.PAPERPLANE_O.create(),
                    e -> new SendTestDialog(commands, contacts, template.id(), template.name()).open());
            test.setId("template-test");
            for (Button button : List.of(images, preview, test)) {
                button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            }
            Div separator = new Div();
            separator.addClassName("pv-tools-separator");
            tools.add(undo, redo, desktop, mobile, separator, images, preview, test);
            Button save = new Button(getTranslation("action.save"), VaadinIcon.CHECK.create(), e -> save(false));
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            save.setId("template-save");
            header.add(save);
        } else {
            preview.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            tools.add(preview);
        }
        add(header);

        subject.setLabel(getTranslation("templates.field.subject"));
        subject.setValue(template.email().subject());
        subject.setWidthFull();
        subject.setId("template-subject");
        subject.setReadOnly(!editable);
        preheader.setLabel(getTranslation("templates.field.preheader"));
        preheader.setHelperText(getTranslation("templates.preheader.help"));
        preheader.setValue(template.email().preheader());
        preheader.setWidthFull();
        preheader.setId("template-preheader");
        preheader.setReadOnly(!editable);
        List<io.portevoix.templates.MergeTag> tags = renderer.mergeTags();
        HorizontalLayout fields = new HorizontalLayout(withPicker(subject, tags, editable), withPicker(preheader, tags, editable));
        fields.setWidthFull();
        add(fields, tools);

        broadcast.setItems(BroadcastType.values());
        broadcast.setItemLabelGenerator(t -> getTranslation("templates.broadcast." + t.name()));
        broadcast.setValue(BroadcastType.MARKETING);
        broadcast.setLabel(getTranslation("templates.check.broadcast"));
        broadcast.addValueChangeListener(e -> refreshChecks());
        broadcast.setWidthFull();
        footerNotice.addClassName("pv-notice");

        Div side = new Div();
        side.addClassName("pv-editor-side");
        Div work = new Div();
        work.addClassName("pv-editor-work");
        if (editable) {
            editor = new EmailEditor();
            editor.setId("email-editor");
            editor.addChangeListener(e -> save(true));
            checks = new CheckPanel(editor::select);
            MergeTagMenu bodyTags = new MergeTagMenu(tags, editor::insertMergeTag);
            bodyTags.setId("body-tags");
            Span bodyTagsHelp = new Span(getTranslation("templates.tags.bodyHelp"));
            bodyTagsHelp.addClassName("pv-help");
            side.add(bodyTags, bodyTagsHelp);
            work.add(editor);
            List<io.portevoix.templates.BrandingBlock> blocks = queries.brandingBlocks();
            String category = getTranslation("templates.block.category");
            editor.load(queries.editable(template.id()), blocks.stream()
                    .map(b -> new EmailEditor.Block("pv-" + b.kind(), getTranslation("templates.block." + b.kind()), category,
                            b.html()))
                    .toList(), assets.list(), getLocale().getLanguage().equals("en") ? "en" : "fr");
        } else {
            checks = new CheckPanel(selector -> {
            });
            Div notice = TemplateEditors.readOnlyNotice(template);
            IFrame frame = new IFrame();
            frame.setSrcdoc(renderer.previewEmail(template.email(), null, BroadcastType.MARKETING).html());
            frame.getElement().setAttribute("sandbox", "");
            frame.addClassName("pv-preview-frame");
            frame.setSizeFull();
            work.add(notice, frame);
        }
        side.add(broadcast, footerNotice, checks);
        Div body = new Div(work, side);
        body.addClassName("pv-editor-body");
        add(body);
        refreshChecks();
    }

    private HorizontalLayout withPicker(TextFieldBase<?, String> field, List<io.portevoix.templates.MergeTag> tags,
            boolean editable) {
        HorizontalLayout line = new HorizontalLayout(field);
        line.setAlignItems(FlexComponent.Alignment.BASELINE);
        line.setWidthFull();
        line.setFlexGrow(1, field);
        if (editable) {
            MergeTagMenu menu = new MergeTagMenu(tags, snippet -> MergeTagMenu.insertAtCaret(field, snippet));
            menu.setId(field.getId().orElse("field") + "-tags");
            line.add(menu);
        }
        return line;
    }

    private Button iconButton(VaadinIcon icon, String label, Runnable action) {
        Button button = new Button(icon.create(), e -> action.run());
        button.addThemeVariants(ButtonVariant.LUMO_ICON, ButtonVariant.LUMO_TERTIARY);
        button.setTooltipText(getTranslation(label));
        button.setAriaLabel(getTranslation(label));
        return button;
    }

    private void save(boolean automatic) {
        editor.content(content -> {
            subject.setInvalid(false);
            preheader.setInvalid(false);
            try {
                template = commands.saveEditedEmail(template.id(), new EditedEmail(subject.getValue(),
                        preheader.getValue(), content.html(), content.css(), content.projectData()));
                saved.setText(getTranslation(automatic ? "templates.autosaved" : "templates.saved",
                        LocalTime.now(zone).format(DateTimeFormatter.ofPattern("HH:mm:ss"))));
                saved.removeClassName("pv-saved-error");
                if (!automatic) {
                    TemplateMessages.success(getTranslation("templates.saved.notification"));
                }
                refreshChecks();
            } catch (MergeTagException e) {
                for (MergeTagProblem problem : e.problems()) {
                    if (problem.field().equals("subject")) {
                        subject.setInvalid(true);
                        subject.setErrorMessage(TemplateMessages.describe(problem));
                    } else if (problem.field().equals("preheader")) {
                        preheader.setInvalid(true);
                        preheader.setErrorMessage(TemplateMessages.describe(problem));
                    }
                }
                saved.setText(getTranslation("templates.notSaved"));
                saved.addClassName("pv-saved-error");
                TemplateMessages.error(TemplateMessages.describe(e));
            }
        });
    }

    private void refreshChecks() {
        BroadcastType type = broadcast.getValue() == null ? BroadcastType.MARKETING : broadcast.getValue();
        String html = template.email().html();
        checks.show(queries.check(html, type));
        boolean footerAdded = type != BroadcastType.LEGAL && !html.contains("unsubscribeUrl");
        footerNotice.setText(getTranslation(footerAdded ? "templates.footer.added" : "templates.footer.present"));
        footerNotice.setVisible(type != BroadcastType.LEGAL);
    }

    private void openPreview() {
        if (editable()) {
            editor.content(content -> {
                try {
                    template = commands.saveEditedEmail(template.id(), new EditedEmail(subject.getValue(),
                            preheader.getValue(), content.html(), content.css(), content.projectData()));
                } catch (MergeTagException e) {
                    TemplateMessages.error(TemplateMessages.describe(e));
                    return;
                }
                new PreviewDialog(renderer, contacts, template.email(), template.name()).open();
            });
        } else {
            new PreviewDialog(renderer, contacts, template.email(), template.name()).open();
        }
    }
}
