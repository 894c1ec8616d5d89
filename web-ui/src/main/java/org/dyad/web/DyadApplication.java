package org.dyad.web;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

import org.springframework.beans.factory.annotation.Value;

import java.time.Clock;
import java.time.ZoneId;

@SpringBootApplication(scanBasePackages = "org.dyad")
@EnableScheduling
public class DyadApplication {

    public static void main(String[] args) {
        ClassPreloading.startUnlessSwitchedOff(DyadApplication.class.getClassLoader());
        SpringApplication.run(DyadApplication.class, args);
    }

    @Bean
    public Clock clock(@Value("${dyad.time-zone}") String timeZone) {
        return Clock.system(timeZone.isBlank() ? ZoneId.systemDefault() : ZoneId.of(timeZone));
    }
}
