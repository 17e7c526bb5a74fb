package io.portevoix.shell;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.stereotype.Component;

/**
 * Sets each session's language (French unless the user chose English) and its error handler:
 * a refused action or invalid input is shown to the user as a notification; anything else is
 * logged and shown as a generic error, never as a stack trace.
 */
@Component
class ShellServiceInitListener implements VaadinServiceInitListener {

    private static final Logger LOG = LoggerFactory.getLogger(ShellServiceInitListener.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> {
            VaadinSession session = init.getSession();
            session.setLocale(Locales.fromRequest(init.getRequest()));
            session.setErrorHandler(error -> {
                Throwable cause = rootCause(error.getThrowable());
                UI ui = UI.getCurrent();
                if (ui == null) {
                    LOG.error("UI error outside a UI", error.getThrowable());
                    return;
                }
                String message;
                if (cause instanceof AccessDeniedException || cause instanceof AuthorizationDeniedException) {
                    message = ui.getTranslation("error.forbidden");
                } else if (cause instanceof IllegalArgumentException || cause instanceof IllegalStateException
                        || cause instanceof java.util.NoSuchElementException) {
                    message = ui.getTranslation("error.invalid", cause.getMessage());
                } else {
                    LOG.error("Unexpected UI error", error.getThrowable());
                    message = ui.getTranslation("error.unexpected");
                }
                ui.access(() -> Notification.show(message, 6000, Notification.Position.TOP_CENTER)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR));
            });
        });
    }

    private static Throwable rootCause(Throwable throwable) {
        Throwable current = throwable;
        while (current.getCause() != null && current.getCause() != current
                && !(current instanceof AccessDeniedException) && !(current instanceof IllegalArgumentException)) {
            current = current.getCause();
        }
        return current;
    }
}
