package org.dyad.web.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.dyad.application.access.Viewer;
import org.dyad.application.board.Board;
import org.dyad.application.board.BoardQueries;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Rounding boards")
class BoardController {

    private final BoardQueries boards;

    BoardController(BoardQueries boards) {
        this.boards = boards;
    }

    @GetMapping("/api/boards/{unit}")
    @Operation(summary = "The unit's rounding board as you may see it; live at STOMP /user/queue/boards/{unit}")
    Board board(Viewer viewer, @PathVariable String unit) {
        return boards.boardFor(viewer, unit);
    }
}
