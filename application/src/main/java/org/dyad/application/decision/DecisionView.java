package org.dyad.application.decision;

import org.dyad.domain.decision.ChosenBy;
import org.dyad.domain.decision.OptionKind;
import org.dyad.domain.shared.Sensitivity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/** A shared decision as the person and their care team see it. */
public class DecisionView {

    public enum Status { GATHERING_OPTIONS, WITH_THE_PERSON, NOT_NOW, CHOSEN }

    public record OptionView(String optionId, OptionKind kind, String whatItIs, String benefits, String harms,
                             String whatItAsksOfMe, String proposedBy, String proposedByName, String proposerRole) {
    }

    /** {@code withheld}: the viewer may not read it, so {@code text} is a placeholder saying what kind it is. */
    public record Words(String byId, String byName, String text, Instant at, Sensitivity category, boolean withheld) {
        Words withheld(String placeholder) {
            return new Words(byId, byName, placeholder, at, category, true);
        }
    }

    public record Preferences(String whatMattersMost, String preferences, String recordedBy, String recordedByName,
                              Instant at) {
    }

    /** An answer: {@code optionId} null is "not now, I want more time". */
    public record Answer(String optionId, String inTheirWords, ChosenBy chosenBy, String chooserName,
                         String recordedBy, String recordedByName, boolean attestedChooserPresent, Instant at) {
    }

    public record Collaborate(int explainedIssues, int listenedToWhatMatters, int includedWhatMatters, Instant at) {
        public int total() {
            return explainedIssues + listenedToWhatMatters + includedWhatMatters;
        }
    }

    private String decisionId;
    private String caseId;
    private String question;
    private Status status;
    private Instant openedAt;
    private List<OptionView> options = new ArrayList<>();
    private Preferences preferences;
    private Words psychiatristView;
    private Words peerView;
    private List<Answer> answers = new ArrayList<>();
    private Collaborate collaborate;
    private long version = -1;

    DecisionView() {
    }

    DecisionView(String decisionId, String caseId, String question, Instant openedAt) {
        this.decisionId = decisionId;
        this.caseId = caseId;
        this.question = question;
        this.openedAt = openedAt;
        this.status = Status.GATHERING_OPTIONS;
    }

    public String getDecisionId() { return decisionId; }
    public String getCaseId() { return caseId; }
    public String getQuestion() { return question; }
    public Status getStatus() { return status; }
    public Instant getOpenedAt() { return openedAt; }
    public List<OptionView> getOptions() { return List.copyOf(options); }
    public Preferences getPreferences() { return preferences; }
    public Words getPsychiatristView() { return psychiatristView; }
    public Words getPeerView() { return peerView; }
    /** Every answer the person gave, oldest first; a decision can be revisited. */
    public List<Answer> getAnswers() { return List.copyOf(answers); }
    public Answer getLatestAnswer() { return answers.isEmpty() ? null : answers.get(answers.size() - 1); }
    public Collaborate getCollaborate() { return collaborate; }
    public long getVersion() { return version; }

    /** Waiting for the person: the options are with them, or they said "not now". */
    public boolean isWaitingForThePerson() {
        return status == Status.WITH_THE_PERSON || status == Status.NOT_NOW;
    }

    void addOption(OptionView option) { options.add(option); }
    void withdrawOption(String optionId) { options.removeIf(o -> o.optionId().equals(optionId)); }
    void setStatus(Status status) { this.status = status; }
    void setPreferences(Preferences preferences) { this.preferences = preferences; }
    void setPsychiatristView(Words view) { this.psychiatristView = view; }
    void setPeerView(Words view) { this.peerView = view; }
    void addAnswer(Answer answer) { answers.add(answer); }
    void setCollaborate(Collaborate collaborate) { this.collaborate = collaborate; }
    void applied(long sequence) { version = sequence; }

    /** A copy whose views are replaced by placeholders where {@code readable} says no. */
    public DecisionView filtered(Predicate<Words> readable, Function<Sensitivity, String> placeholder) {
        DecisionView copy = new DecisionView(decisionId, caseId, question, openedAt);
        copy.status = status;
        copy.options = new ArrayList<>(options);
        copy.preferences = preferences;
        copy.psychiatristView = psychiatristView == null || readable.test(psychiatristView) ? psychiatristView
                : psychiatristView.withheld(placeholder.apply(psychiatristView.category()));
        copy.peerView = peerView == null || readable.test(peerView) ? peerView
                : peerView.withheld(placeholder.apply(peerView.category()));
        copy.answers = new ArrayList<>(answers);
        copy.collaborate = collaborate;
        copy.version = version;
        return copy;
    }
}
