package io.portevoix.shell;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Footer;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.contextmenu.SubMenu;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The frame of every staff screen: the side navigation (only the views the user may open, from
 * their {@code @Menu}), the header with module widgets (account switcher) and the user menu.
 */
@Layout
@AnonymousAllowed
public final class MainLayout extends AppLayout implements AfterNavigationObserver {

    private final transient AuthenticationContext authentication;
    private final Span viewTitle = new Span();

    MainLayout(AuthenticationContext authentication, List<HeaderContribution> headerContributions,
            List<UserMenuContribution> userMenuContributions) {
        this.authentication = authentication;
        setPrimarySection(Section.DRAWER);
        addToDrawer(brand(), new Scroller(navigation()), footer());

        viewTitle.addClassName("pv-view-title");
        HorizontalLayout header = new HorizontalLayout(new DrawerToggle(), viewTitle);
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        header.setWidthFull();
        header.addClassName("pv-header");
        Div spacer = new Div();
        header.add(spacer);
        header.setFlexGrow(1, spacer);
        headerContributions.stream().sorted(Comparator.comparingInt(HeaderContribution::order))
                .forEach(contribution -> header.add(contribution.create()));
        header.add(userMenu(userMenuContributions));
        addToNavbar(header);
    }

    private Component brand() {
        Image logo = new Image("images/logo.svg", "Porte-Voix");
        logo.addClassName("pv-brand-logo");
        Span name = new Span("Porte-Voix");
        name.addClassName("pv-brand-name");
        Header brand = new Header(logo, name);
        brand.addClassName("pv-brand");
        return brand;
    }

    private SideNav navigation() {
        SideNav nav = new SideNav();
        nav.addClassName("pv-nav");
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            SideNavItem item = new SideNavItem(getTranslation(entry.title()), entry.path());
            if (entry.icon() != null) {
                item.setPrefixComponent(new Icon(entry.icon()));
            }
            nav.addItem(item);
        }
        return nav;
    }

    private Component footer() {
        Footer footer = new Footer(new Span(getTranslation("app.tagline")));
        footer.addClassName("pv-drawer-footer");
        return footer;
    }

    private Component userMenu(List<UserMenuContribution> contributions) {
        MenuBar menu = new MenuBar();
        menu.addThemeVariants(MenuBarVariant.LUMO_TERTIARY_INLINE);
        menu.addClassName("pv-user-menu");
        String name = authentication.getPrincipalName().orElse("");
        Avatar avatar = new Avatar(name);
        avatar.addThemeVariants(com.vaadin.flow.component.avatar.AvatarVariant.LUMO_XSMALL);
        HorizontalLayout trigger = new HorizontalLayout(avatar, new Span(name), VaadinIcon.CHEVRON_DOWN_SMALL.create());
        trigger.setAlignItems(FlexComponent.Alignment.CENTER);
        trigger.setSpacing(true);
        MenuItem root = menu.addItem(trigger);
        root.getElement().setAttribute("aria-label", getTranslation("menu.user"));
        SubMenu sub = root.getSubMenu();
        contributions.forEach(c -> c.addItems(sub));
        MenuItem language = sub.addItem(getTranslation("menu.language"));
        language.getSubMenu().addItem("Français", e -> Locales.switchTo(Locale.FRENCH));
        language.getSubMenu().addItem("English", e -> Locales.switchTo(Locale.ENGLISH));
        sub.addItem(getTranslation("menu.logout"), e -> authentication.logout());
        return menu;
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        String path = event.getLocation().getPath();
        viewTitle.setText(MenuConfiguration.getMenuEntries().stream()
                .filter(entry -> entry.path().replaceAll("^/", "").equals(path))
                .findFirst().map(entry -> getTranslation(entry.title())).orElse(""));
    }
}
