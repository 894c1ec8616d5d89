package org.dyad.web.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.dyad.application.shared.Secrets;
import org.dyad.application.users.PasswordHasher;
import org.dyad.application.users.UserDirectory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.RememberMeServices;
import org.springframework.security.web.authentication.rememberme.TokenBasedRememberMeServices;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

/**
 * Pages: form login with a session cookie and CSRF. API and {@code /ws}: HTTP Basic or that session; a request
 * that carries its own Authorization header is not a browser riding on a cookie, so it needs no CSRF token.
 * Our pages send {@code X-Requested-With}, so an expired session does not make the browser pop a Basic prompt.
 * Both chains keep the CSRF token in the session, so the token {@code /api/me} hands out also signs a page out.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig implements WebMvcConfigurer {

    @Bean
    public PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    /**
     * No observation of each security filter, authentication and authorization: only health is exposed, so nothing
     * reads them, and the command path's profile showed them costing more than the checks themselves.
     */
    @Bean
    public SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    public PasswordHasher passwordHasher(PasswordEncoder encoder) {
        return encoder::encode;
    }

    @Bean
    public UserDetailsService userDetailsService(UserDirectory users) {
        return username -> users.find(username).map(DyadUser::new)
                .orElseThrow(() -> new UsernameNotFoundException("No such user"));
    }

    @Bean
    public AuthenticationProvider passwords(UserDetailsService users, PasswordEncoder encoder, Clock clock) {
        return new RecentlyVerifiedPasswords(users, encoder, clock);
    }

    /** "Keep this screen signed in": a wall screen survives restarts; the key lives in MongoDB, shared by nodes. */
    @Bean
    public RememberMeServices rememberMe(UserDetailsService users, Secrets secrets) {
        String key = secrets.getOrCreate("remember-me-key", () -> {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            return Base64.getEncoder().encodeToString(random);
        });
        TokenBasedRememberMeServices services = new TokenBasedRememberMeServices(key, users,
                TokenBasedRememberMeServices.RememberMeTokenAlgorithm.SHA256);
        services.setTokenValiditySeconds((int) Duration.ofDays(30).toSeconds());
        services.setUseSecureCookie(false);
        return services;
    }

    @Bean
    @Order(1)
    public SecurityFilterChain api(HttpSecurity http, ObjectMapper json, RememberMeServices rememberMe) throws Exception {
        return http
                .securityMatcher("/api/**", "/ws/**", "/ws")
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) ->
                        problem(response, json, HttpStatus.UNAUTHORIZED, "Sign in first: use the login page or HTTP Basic.",
                                request.getHeader("X-Requested-With") == null)))
                .exceptionHandling(ex -> ex
                        .authenticationEntryPoint((request, response, e) ->
                                problem(response, json, HttpStatus.UNAUTHORIZED, "Sign in first: use the login page or HTTP Basic.",
                                request.getHeader("X-Requested-With") == null))
                        .accessDeniedHandler((request, response, e) ->
                                problem(response, json, HttpStatus.FORBIDDEN, "Not permitted: " + e.getMessage(), false)))
                .csrf(csrf -> csrf.ignoringRequestMatchers(request -> request.getHeader("Authorization") != null))
                .rememberMe(remember -> remember.rememberMeServices(rememberMe))
                .build();
    }

    @Bean
    @Order(2)
    public SecurityFilterChain pages(HttpSecurity http, RememberMeServices rememberMe) throws Exception {
        return http
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error",
                                "/actuator/health/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .rememberMe(remember -> remember.rememberMeServices(rememberMe))
                .build();
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new ViewerArgumentResolver());
    }

    private static void problem(HttpServletResponse response, ObjectMapper json, HttpStatus status, String detail,
                                boolean challenge) throws IOException {
        if (challenge) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"Dyad\"");
        }
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), ProblemDetail.forStatusAndDetail(status, detail));
    }
}
