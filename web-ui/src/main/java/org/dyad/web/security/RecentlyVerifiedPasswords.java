package org.dyad.web.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * HTTP Basic sends the password with every request, and BCrypt costs ~80 ms of CPU each time. A password that
 * checked out a moment ago is remembered for a few minutes as a salted SHA-256 in memory, so API clients are not
 * throttled by hashing. A changed password hash or a disabled account ends the memory at once.
 */
class RecentlyVerifiedPasswords implements AuthenticationProvider {

    private static final Duration REMEMBERED_FOR = Duration.ofMinutes(5);

    private record Verified(byte[] digest, String passwordHash, Instant until) {
    }

    private final DaoAuthenticationProvider bcrypt;
    private final UserDetailsService users;
    private final Clock clock;
    private final byte[] salt = new byte[32];
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    RecentlyVerifiedPasswords(UserDetailsService users, PasswordEncoder encoder, Clock clock) {
        this.bcrypt = new DaoAuthenticationProvider(users);
        this.bcrypt.setPasswordEncoder(encoder);
        this.users = users;
        this.clock = clock;
        new SecureRandom().nextBytes(salt);
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String name = authentication.getName();
        String password = String.valueOf(authentication.getCredentials());
        byte[] digest = digest(name, password);
        Verified known = verified.get(name);
        if (known != null && clock.instant().isBefore(known.until()) && MessageDigest.isEqual(known.digest(), digest)) {
            UserDetails user = users.loadUserByUsername(name);
            if (user.isEnabled() && user.getPassword().equals(known.passwordHash())) {
                return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
            }
            verified.remove(name);
        }
        Authentication result = bcrypt.authenticate(authentication);
        UserDetails user = (UserDetails) result.getPrincipal();
        verified.put(name, new Verified(digest, user.getPassword(), clock.instant().plus(REMEMBERED_FOR)));
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private byte[] digest(String name, String password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            sha.update(name.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            return sha.digest(password.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
