package io.portevoix.shell;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.Locale;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.web.WebAttributes;

/**
 * The staff login page. After five failed attempts for a login within 15 minutes the page says
 * that further attempts are refused for 15 minutes.
 */
@Route(value = "login", autoLayout = false)
@AnonymousAllowed
final class LoginView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final LoginForm login = new LoginForm();

    LoginView() {
        addClassName("pv-login");
        login.setAction("login");
        login.setForgotPasswordButtonVisible(false);
        login.setI18n(i18n(false));

        Image logo = new Image("images/logo.svg", "Porte-Voix");
        logo.addClassName("pv-login-logo");
        H1 title = new H1("Porte-Voix");
        Paragraph tagline = new Paragraph(getTranslation("login.tagline"));
        Button french = new Button("Français", e -> Locales.switchTo(Locale.FRENCH));
        Button english = new Button("English", e -> Locales.switchTo(Locale.ENGLISH));
        french.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        english.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        HorizontalLayout languages = new HorizontalLayout(french, english);

        Div intro = new Div(logo, title, tagline);
        intro.addClassName("pv-login-intro");
        Div card = new Div(intro, login, languages);
        card.addClassName("pv-login-card");
        add(card);
    }

    private LoginI18n i18n(boolean locked) {
        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle(getTranslation("login.title"));
        i18n.getForm().setUsername(getTranslation("login.email"));
        i18n.getForm().setPassword(getTranslation("login.password"));
        i18n.getForm().setSubmit(getTranslation("login.submit"));
        i18n.getErrorMessage().setTitle(getTranslation(locked ? "login.locked.title" : "login.error.title"));
        i18n.getErrorMessage().setMessage(getTranslation(locked ? "login.locked.message" : "login.error.message"));
        return i18n;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (event.getLocation().getQueryParameters().getParameters().containsKey("error")) {
            Object last = VaadinSession.getCurrent().getSession().getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
            login.setI18n(i18n(last instanceof LockedException));
            login.setError(true);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("login.title") + " · Porte-Voix";
    }
}
