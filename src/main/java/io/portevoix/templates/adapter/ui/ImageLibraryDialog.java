package io.portevoix.templates.adapter.ui;

import io.portevoix.templates.adapter.ui.composer.TemplateMessages;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import io.portevoix.templates.AssetSummary;
import io.portevoix.templates.TemplateAssets;
import io.portevoix.tenancy.AccessLevel;
import io.portevoix.tenancy.Area;
import io.portevoix.tenancy.TenantContext;
import java.util.List;
import java.util.function.Consumer;

/** The account's image library: upload (PNG, JPEG, GIF up to 5 MB), reuse, delete. */
final class ImageLibraryDialog extends Dialog {

    private final TemplateAssets assets;
    private final Consumer<List<AssetSummary>> added;
    private final Div gallery = new Div();

    ImageLibraryDialog(TemplateAssets assets, Consumer<List<AssetSummary>> added) {
        this.assets = assets;
        this.added = added;
        setHeaderTitle(getTranslation("templates.images.title"));
        setWidth("860px");
        boolean editor = TenantContext.currentActorCan(Area.TEMPLATES, AccessLevel.EDITOR);
        Upload upload = new Upload(UploadHandler.inMemory((metadata, data) -> getUI().ifPresent(ui -> ui.access(() -> {
            try {
                AssetSummary asset = assets.upload(metadata.fileName(), data);
                added.accept(List.of(asset));
                TemplateMessages.success(getTranslation("templates.images.uploaded", asset.fileName()));
            } catch (IllegalArgumentException e) {
                TemplateMessages.error(getTranslation("templates.images.refused", metadata.fileName()));
            }
            refresh();
        }))));
        upload.setAcceptedFileTypes("image/png", "image/jpeg", "image/gif", ".png", ".jpg", ".jpeg", ".gif");
        upload.setMaxFileSize(5 * 1024 * 1024);
        upload.setId("image-upload");
        upload.setUploadButton(new Button(getTranslation("templates.images.choose"), VaadinIcon.UPLOAD.create()));
        upload.setVisible(editor);
        gallery.addClassName("pv-gallery");
        add(new Paragraph(getTranslation("templates.images.text")), upload, gallery);
        getFooter().add(new Button(getTranslation("action.close"), e -> close()));
        refresh();
    }

    private void refresh() {
        gallery.removeAll();
        List<AssetSummary> all = assets.list();
        if (all.isEmpty()) {
            gallery.add(new Span(getTranslation("templates.images.empty")));
        }
        boolean editor = TenantContext.currentActorCan(Area.TEMPLATES, AccessLevel.EDITOR);
        for (AssetSummary asset : all) {
            Image image = new Image(asset.url().replaceFirst("^https?://[^/]+", ""), asset.fileName());
            image.addClassName("pv-gallery-image");
            Span name = new Span(asset.fileName());
            name.addClassName("pv-gallery-name");
            Span size = new Span(asset.width() + " × " + asset.height() + " px · " + Math.max(1, asset.size() / 1024) + " Ko");
            size.addClassName("pv-gallery-size");
            Div card = new Div(image, name, size);
            card.addClassName("pv-gallery-card");
            if (editor) {
                Button delete = new Button(VaadinIcon.TRASH.create(), e -> {
                    assets.delete(asset.id());
                    refresh();
                });
                delete.addThemeVariants(ButtonVariant.LUMO_ICON, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
                delete.setAriaLabel(getTranslation("action.delete"));
                card.add(delete);
            }
            gallery.add(card);
        }
    }
}
