package org.dyad.application.users;

/** One-way hashing of passwords (BCrypt in the web layer). */
public interface PasswordHasher {

    String hash(String rawPassword);
}
