package org.dyad.web.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecentlyVerifiedPasswordsTest {

    private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4) {
        @Override
        public boolean matches(CharSequence raw, String encoded) {
            hashChecks.incrementAndGet();
            return super.matches(raw, encoded);
        }
    };
    private final AtomicInteger hashChecks = new AtomicInteger();
    private final AtomicReference<UserDetails> stored = new AtomicReference<>(
            User.withUsername("nurse").password(bcrypt.encode("right")).roles("NURSE").build());
    private final UserDetailsService users = name -> User.withUserDetails(stored.get()).build();
    private final RecentlyVerifiedPasswords passwords = new RecentlyVerifiedPasswords(users, bcrypt,
            Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC));

    @Test
    void aPasswordJustVerifiedIsNotHashedAgain() {
        passwords.authenticate(login("right"));
        passwords.authenticate(login("right"));
        assertThat(hashChecks.get()).isEqualTo(1);
    }

    @Test
    void aWrongPasswordStillFailsAfterARightOne() {
        passwords.authenticate(login("right"));
        assertThatThrownBy(() -> passwords.authenticate(login("wrong"))).isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void aChangedPasswordEndsTheMemoryAtOnce() {
        passwords.authenticate(login("right"));
        stored.set(User.withUsername("nurse").password(bcrypt.encode("new-one")).roles("NURSE").build());
        assertThatThrownBy(() -> passwords.authenticate(login("right"))).isInstanceOf(BadCredentialsException.class);
        assertThat(passwords.authenticate(login("new-one")).isAuthenticated()).isTrue();
    }

    private static UsernamePasswordAuthenticationToken login(String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated("nurse", password);
    }
}
