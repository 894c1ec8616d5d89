package org.dyad.web.security;

import org.dyad.application.access.Viewer;
import org.dyad.application.users.UserAccount;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import java.util.Collection;
import java.util.List;

/** A signed-in account, as Spring Security holds it. */
public record DyadUser(UserAccount account) implements UserDetails {

    public Viewer viewer() {
        return new Viewer(account.userId(), account.role(), account.unit());
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + account.role().name()));
    }

    @Override
    public String getPassword() {
        return account.passwordHash();
    }

    @Override
    public String getUsername() {
        return account.userId();
    }

    @Override
    public boolean isEnabled() {
        return account.enabled();
    }
}
