// quizgen quiz player: renders a JSON quiz, checks answers, shows the score and explanations.
// Every element is built with createElement and text nodes: document text is never parsed as HTML.
(function () {
  "use strict";

  // The cloze text grammar of quizgen.model.cloze_parts: a blank is a number in double braces; a
  // backslash before a brace or a backslash makes it literal.
  var CLOZE_TOKEN = /\\([\\{])|\{\{([0-9]{1,9})\}\}/g;
  // Everything is found inside this player's own element, so several players can share a page.
  var root = document.currentScript.closest(".quizgen-player");
  var players = Array.prototype.slice.call(document.querySelectorAll(".quizgen-player"));
  var prefix = "quizgen-" + players.indexOf(root) + "-";
  var part = function (name) { return root.querySelector('[data-part="' + name + '"]'); };
  // The page's title is the quiz's when the player is the page, not when it sits in another page.
  var ownsTitle = document.title.trim() === part("title").textContent.trim();
  var views = [];
  var current = null;

  // An element with attributes ("text" and "class" set those properties) and children (strings become text).
  function el(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (key) {
      var value = attributes[key];
      if (key === "text") node.textContent = value;
      else if (key === "class") node.className = value;
      else node.setAttribute(key, value);
    });
    (children || []).forEach(function (child) { node.append(child); });
    return node;
  }

  // How blanks are compared: case ignored, runs of whitespace as one space, ends trimmed.
  function normalise(text) {
    return String(text).normalize("NFC").replace(/\s+/g, " ").trim().toLowerCase();
  }

  // The cloze text as literal strings and blank ids, in order.
  function splitCloze(text) {
    var parts = [];
    var literal = "";
    var position = 0;
    text.replace(CLOZE_TOKEN, function (token, escaped, id, offset) {
      literal += text.slice(position, offset);
      position = offset + token.length;
      if (escaped !== undefined) {
        literal += escaped;
      } else {
        if (literal) parts.push(literal);
        parts.push(Number(id));
        literal = "";
      }
      return token;
    });
    literal += text.slice(position);
    if (literal) parts.push(literal);
    return parts;
  }

  function legend(index, total, prompt) {
    return el("legend", {}, [el("span", { class: "number", text: "Question " + (index + 1) + " of " + total }), " ", prompt]);
  }

  function clearMarks(view) {
    view.node.querySelectorAll(".mark").forEach(function (mark) { mark.remove(); });
    view.node.querySelectorAll(".is-answer, .is-wrong, .is-right").forEach(function (node) {
      node.classList.remove("is-answer", "is-wrong", "is-right");
    });
    view.node.querySelectorAll("[aria-invalid]").forEach(function (node) { node.removeAttribute("aria-invalid"); });
    view.feedback.hidden = true;
    view.feedback.replaceChildren();
  }

  // A question answered by picking one choice: multiple choice and true/false.
  function choiceQuestion(index, total, prompt, choices, correctId) {
    var name = prefix + "question-" + index;
    var rows = choices.map(function (choice) {
      var input = el("input", { type: "radio", name: name, value: choice.id });
      var label = el("label", { class: "option" }, [input, " ", choice.label]);
      return { choice: choice, input: input, label: label };
    });
    var feedback = el("div", { class: "feedback", hidden: "" });
    var node = el("fieldset", { class: "question" }, [legend(index, total, prompt),
      el("div", { class: "options" }, rows.map(function (row) { return row.label; })), feedback]);
    var answer = rows.find(function (row) { return row.choice.id === correctId; });
    return {
      node: node,
      feedback: feedback,
      check: function () {
        var chosen = rows.find(function (row) { return row.input.checked; });
        answer.label.classList.add("is-answer");
        answer.label.append(el("span", { class: "mark", text: "(correct answer)" }));
        if (chosen && chosen !== answer) {
          chosen.label.classList.add("is-wrong");
          chosen.label.append(el("span", { class: "mark", text: "(your answer)" }));
        }
        return { correct: chosen === answer, answered: Boolean(chosen), expected: answer.choice.text };
      },
      reset: function () { rows.forEach(function (row) { row.input.checked = false; }); },
    };
  }

  function multipleChoice(item, index, total) {
    var choices = item.options.map(function (option) {
      return {
        id: option.id,
        text: option.id + ". " + option.text,
        label: el("span", {}, [el("span", { class: "letter", text: option.id + "." }), " ", el("span", { text: option.text })]),
      };
    });
    return choiceQuestion(index, total, item.question, choices, item.answer);
  }

  function trueFalse(item, index, total) {
    var choices = [true, false].map(function (value) {
      var text = value ? "True" : "False";
      return { id: String(value), text: text, label: el("span", { text: text }) };
    });
    return choiceQuestion(index, total, "True or false? " + item.statement, choices, String(item.answer));
  }

  function cloze(item, index, total) {
    var blanks = new Map(item.blanks.map(function (blank) { return [blank.id, blank]; }));
    var parts = splitCloze(item.text);
    var count = parts.filter(function (piece) { return typeof piece === "number"; }).length;
    var sentence = el("p", { class: "cloze" });
    var fields = [];
    parts.forEach(function (piece) {
      if (typeof piece === "string") {
        sentence.append(piece);
        return;
      }
      var blank = blanks.get(piece);
      var accepted = [blank.answer].concat(blank.accept || []);
      var longest = Math.max.apply(null, accepted.map(function (text) { return text.length; }));
      var label = "Question " + (index + 1) + ", blank" + (count > 1 ? " " + (fields.length + 1) + " of " + count : "");
      var input = el("input", { type: "text", autocomplete: "off", autocapitalize: "off", spellcheck: "false", "aria-label": label });
      input.size = Math.min(30, Math.max(6, longest + 2));
      fields.push({ input: input, blank: blank, accepted: accepted.map(normalise) });
      sentence.append(input);
    });
    var feedback = el("div", { class: "feedback", hidden: "" });
    var prompt = count > 1 ? "Fill in the blanks." : "Fill in the blank.";
    var node = el("fieldset", { class: "question" }, [legend(index, total, prompt), sentence, feedback]);
    return {
      node: node,
      feedback: feedback,
      check: function () {
        var results = fields.map(function (field) {
          var right = field.accepted.indexOf(normalise(field.input.value)) !== -1;
          field.input.classList.add(right ? "is-right" : "is-wrong");
          field.input.setAttribute("aria-invalid", right ? "false" : "true");
          return right;
        });
        var expected = fields.map(function (field, number) {
          return (count > 1 ? "blank " + (number + 1) + ": " : "") + field.blank.answer;
        }).join("; ");
        return {
          correct: results.every(Boolean),
          answered: fields.some(function (field) { return field.input.value.trim() !== ""; }),
          expected: expected,
        };
      },
      reset: function () { fields.forEach(function (field) { field.input.value = ""; }); },
    };
  }

  // A fixed scramble of texts, the same on every load: sorted by a hash of the item's id and the text, and
  // never the order given (that is the answer of an ordering item): then moved on by one.
  function scrambled(values, salt, text) {
    var hash = function (value) {
      var h = 2166136261;
      var key = salt + "\u001f" + text(value);
      for (var i = 0; i < key.length; i += 1) h = Math.imul(h ^ key.charCodeAt(i), 16777619) >>> 0;
      return h;
    };
    var order = values.slice().sort(function (a, b) { return hash(a) - hash(b); });
    var same = order.every(function (value, index) { return value === values[index]; });
    return same && order.length > 1 ? order.slice(1).concat(order.slice(0, 1)) : order;
  }

  // A question answered with one drop-down per row: matching (a match per term) and ordering (a place per event).
  function menuQuestion(index, total, prompt, hint, rows, choices, label, expected) {
    var fields = rows.map(function (row, number) {
      var select = el("select", { "aria-label": label(row, number) }, [el("option", { value: "", text: "Choose…" })]
        .concat(choices.map(function (choice) { return el("option", { value: choice, text: choice }); })));
      var line = el("label", { class: "menu-row" }, [el("span", { class: "menu-text", text: row.text }), " ", select]);
      return { row: row, select: select, line: line };
    });
    var feedback = el("div", { class: "feedback", hidden: "" });
    var node = el("fieldset", { class: "question" }, [legend(index, total, prompt), el("p", { class: "hint", text: hint }),
      el("div", { class: "menus" }, fields.map(function (field) { return field.line; })), feedback]);
    return {
      node: node,
      feedback: feedback,
      check: function () {
        var results = fields.map(function (field) {
          var right = field.select.value === field.row.answer;
          field.select.classList.add(right ? "is-right" : "is-wrong");
          field.select.setAttribute("aria-invalid", right ? "false" : "true");
          return right;
        });
        return {
          correct: results.every(Boolean),
          answered: fields.some(function (field) { return field.select.value !== ""; }),
          expected: expected,
        };
      },
      reset: function () { fields.forEach(function (field) { field.select.value = ""; }); },
    };
  }

  function matching(item, index, total) {
    var rows = item.pairs.map(function (pair) { return { text: pair.left, answer: pair.right }; });
    var rights = scrambled(item.pairs.map(function (pair) { return pair.right; }), item.id, String);
    var expected = item.pairs.map(function (pair) { return pair.left + " → " + pair.right; }).join("; ");
    return menuQuestion(index, total, item.prompt, "Choose the match of each.", rows, rights, function (row) {
      return "Question " + (index + 1) + ", match for " + row.text;
    }, expected);
  }

  function ordering(item, index, total) {
    var places = item.events.map(function (_, number) { return String(number + 1); });
    var rows = scrambled(item.events.map(function (event, number) {
      return { text: event.text, answer: String(number + 1) };
    }), item.id, function (row) { return row.text; });
    var expected = item.events.map(function (event, number) { return (number + 1) + ". " + event.text; }).join("; ");
    return menuQuestion(index, total, item.prompt, "Give each its place: 1 comes first.", rows, places, function (row) {
      return "Question " + (index + 1) + ", place of " + row.text;
    }, expected);
  }

  // A question answered by ticking every right option: multiple answer.
  function multipleAnswer(item, index, total) {
    var rows = item.options.map(function (option) {
      var input = el("input", { type: "checkbox", value: option.id });
      var label = el("label", { class: "option" }, [input, " ",
        el("span", { class: "letter", text: option.id + "." }), " ", el("span", { text: option.text })]);
      return { option: option, input: input, label: label, right: item.answers.indexOf(option.id) !== -1 };
    });
    var feedback = el("div", { class: "feedback", hidden: "" });
    var node = el("fieldset", { class: "question" }, [legend(index, total, item.question),
      el("div", { class: "options" }, rows.map(function (row) { return row.label; })), feedback]);
    return {
      node: node,
      feedback: feedback,
      check: function () {
        rows.forEach(function (row) {
          if (row.right) {
            row.label.classList.add("is-answer");
            row.label.append(el("span", { class: "mark", text: "(correct answer)" }));
          } else if (row.input.checked) {
            row.label.classList.add("is-wrong");
            row.label.append(el("span", { class: "mark", text: "(not right)" }));
          }
        });
        return {
          correct: rows.every(function (row) { return row.input.checked === row.right; }),
          answered: rows.some(function (row) { return row.input.checked; }),
          expected: rows.filter(function (row) { return row.right; })
            .map(function (row) { return row.option.id + ". " + row.option.text; }).join("; "),
        };
      },
      reset: function () { rows.forEach(function (row) { row.input.checked = false; }); },
    };
  }

  var RENDERERS = {
    multiple_choice: multipleChoice,
    true_false: trueFalse,
    cloze: cloze,
    matching: matching,
    ordering: ordering,
    multiple_answer: multipleAnswer,
  };

  function showFeedback(view, item, result) {
    var verdict = result.correct ? "Correct." : result.answered ? "Not quite." : "Not answered.";
    view.feedback.replaceChildren(el("p", { class: "verdict" }, [
      el("span", { "aria-hidden": "true", text: result.correct ? "✓ " : "✗ " }), verdict]));
    if (!result.correct) view.feedback.append(el("p", { text: "Correct answer: " + result.expected }));
    if (item.explanation) view.feedback.append(el("p", { class: "explanation", text: item.explanation }));
    view.feedback.className = "feedback " + (result.correct ? "correct" : "wrong");
    view.feedback.hidden = false;
  }

  function check() {
    var right = 0;
    views.forEach(function (view, index) {
      clearMarks(view);
      var result = view.check();
      showFeedback(view, current.items[index], result);
      if (result.correct) right += 1;
    });
    var percent = Math.round((100 * right) / views.length);
    part("score").textContent = "Score: " + right + " of " + views.length + " correct (" + percent + "%).";
    part("score").focus();
  }

  function reset() {
    views.forEach(function (view) {
      clearMarks(view);
      view.reset();
    });
    part("score").textContent = "";
    var first = part("questions").querySelector("input, select");
    if (first) first.focus();
  }

  function details(quiz) {
    var parts = [];
    if (quiz.subject) parts.push(quiz.subject);
    if (quiz.grade) parts.push("Grade " + quiz.grade);
    parts.push(quiz.items.length + (quiz.items.length === 1 ? " question" : " questions"));
    return parts.join(" · ");
  }

  function show(quiz) {
    if (ownsTitle) document.title = quiz.title;
    part("title").textContent = quiz.title;
    part("details").textContent = details(quiz);
    current = quiz;
    views = quiz.items.map(function (item, index) { return RENDERERS[item.type](item, index, quiz.items.length); });
    part("questions").replaceChildren.apply(part("questions"), views.map(function (view) { return view.node; }));
    part("instructions").hidden = views.length === 0;
    part("actions").hidden = views.length === 0;
    part("score").textContent = views.length === 0 ? "This quiz has no questions." : "";
  }

  // Checks what the player relies on; the full rules are the JSON Schema (`quizgen schema`).
  function validate(quiz) {
    var fail = function (where, problem) { throw new Error(where + ": " + problem); };
    var isText = function (value) { return typeof value === "string" && value.trim() !== ""; };
    if (!quiz || typeof quiz !== "object" || Array.isArray(quiz)) fail("top level", "not a quiz object");
    if (!/^1\.[0-9]+$/.test(String(quiz.format_version))) fail("format_version", "not a version 1 quiz file");
    if (!isText(quiz.title)) fail("title", "missing");
    if (!Array.isArray(quiz.items)) fail("items", "missing");
    quiz.items.forEach(function (item, index) {
      var where = "items[" + index + "]";
      // Own keys only: a type named like a prototype key ("constructor") is unknown, not a function.
      if (!item || !Object.prototype.hasOwnProperty.call(RENDERERS, item.type)) fail(where + ".type", "unknown item type");
      if (item.type === "multiple_choice") {
        if (!isText(item.question)) fail(where + ".question", "missing");
        if (!Array.isArray(item.options) || item.options.length < 2) fail(where + ".options", "fewer than two");
        item.options.forEach(function (option, number) {
          if (!option || !isText(option.id) || !isText(option.text)) fail(where + ".options[" + number + "]", "needs id and text");
        });
        if (!item.options.some(function (option) { return option.id === item.answer; })) fail(where + ".answer", "not one of the options");
      } else if (item.type === "true_false") {
        if (!isText(item.statement)) fail(where + ".statement", "missing");
        if (typeof item.answer !== "boolean") fail(where + ".answer", "not true or false");
      } else if (item.type === "multiple_answer") {
        if (!isText(item.question)) fail(where + ".question", "missing");
        if (!Array.isArray(item.options) || item.options.length < 2) fail(where + ".options", "fewer than two");
        if (!Array.isArray(item.answers) || !item.answers.length) fail(where + ".answers", "missing");
        item.answers.forEach(function (answer) {
          if (!item.options.some(function (option) { return option && option.id === answer; })) fail(where + ".answers", "not one of the options");
        });
      } else if (item.type === "matching") {
        if (!isText(item.prompt) || !Array.isArray(item.pairs) || item.pairs.length < 2) fail(where, "needs a prompt and pairs");
        item.pairs.forEach(function (pair, number) {
          if (!pair || !isText(pair.left) || !isText(pair.right)) fail(where + ".pairs[" + number + "]", "needs left and right");
        });
      } else if (item.type === "ordering") {
        if (!isText(item.prompt) || !Array.isArray(item.events) || item.events.length < 2) fail(where, "needs a prompt and events");
        item.events.forEach(function (event, number) {
          if (!event || !isText(event.text)) fail(where + ".events[" + number + "]", "needs text");
        });
      } else {
        if (!isText(item.text) || !Array.isArray(item.blanks)) fail(where, "needs text and blanks");
        var ids = item.blanks.map(function (blank) {
          if (!blank || !isText(blank.answer)) fail(where + ".blanks", "a blank has no answer");
          if (blank.accept !== undefined && !(Array.isArray(blank.accept) && blank.accept.every(isText))) fail(where + ".blanks", "accept must list answers");
          return blank.id;
        });
        splitCloze(item.text).forEach(function (piece) {
          if (typeof piece === "number" && ids.indexOf(piece) === -1) fail(where + ".text", "blank " + piece + " is not listed");
        });
        if (!splitCloze(item.text).some(function (piece) { return typeof piece === "number"; })) fail(where + ".text", "has no blank");
      }
    });
    return quiz;
  }

  function loadFile(file) {
    part("load-error").textContent = "";
    file.text().then(function (text) {
      show(validate(JSON.parse(text)));
      part("title").focus();
    }).catch(function (error) {
      part("load-error").textContent = file.name + " could not be opened: " + error.message;
      part("loader").open = true;
    });
  }

  part("check").addEventListener("click", check);
  part("reset").addEventListener("click", reset);
  part("file").addEventListener("change", function (event) {
    if (event.target.files.length) loadFile(event.target.files[0]);
  });
  part("loader-help").id = prefix + "loader-help";
  part("file").setAttribute("aria-describedby", prefix + "loader-help");
  root.addEventListener("dragover", function (event) {
    event.preventDefault();
    root.classList.add("dragging");
  });
  root.addEventListener("dragleave", function (event) {
    if (!root.contains(event.relatedTarget)) root.classList.remove("dragging");
  });
  root.addEventListener("drop", function (event) {
    event.preventDefault();
    root.classList.remove("dragging");
    if (event.dataTransfer && event.dataTransfer.files.length) loadFile(event.dataTransfer.files[0]);
  });

  var embedded = part("quiz").textContent.trim();
  if (!embedded) {
    part("loader").open = true;
    return;
  }
  try {
    show(validate(JSON.parse(embedded)));
  } catch (error) {
    part("load-error").textContent = "The quiz in this page could not be read: " + error.message;
    part("loader").open = true;
  }
})();
