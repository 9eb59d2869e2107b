/* The collaboration portal: a live count in 字 under every text field that has a limit.
   The limit is already said in the help text and checked by the server; this only helps
   while typing. A screen reader hears it when the text nears or passes the limit, not at
   every key. Counts code points, and a line break as one, as the server does. */
(function () {
    "use strict";
    function format(template, values) {
        return template.replace(/%\((\w+)\)s/g, function (_, key) {
            return values[key].toLocaleString();
        });
    }
    function setUp(field) {
        var limit = parseInt(field.dataset.charLimit, 10);
        var count = document.createElement("p");
        count.className = "char-count small mb-1";
        count.id = field.id + "_count";
        count.setAttribute("aria-hidden", "true");
        var status = document.createElement("p");
        status.className = "visually-hidden";
        status.setAttribute("role", "status");
        field.insertAdjacentElement("afterend", status);
        field.insertAdjacentElement("afterend", count);
        var state = "";
        function update() {
            var length = Array.from(field.value).length;
            var over = length - limit;
            count.textContent = over > 0
                ? format(field.dataset.charOver, {limit: limit, over: over})
                : format(field.dataset.charCount, {count: length, limit: limit});
            count.classList.toggle("text-danger", over > 0);
            count.classList.toggle("fw-bold", over > 0);
            var now = over > 0 ? "over" : (length >= limit * 0.9 ? "near" : "");
            if (now !== state) {
                state = now;
                status.textContent = now ? count.textContent : "";
            }
        }
        field.addEventListener("input", update);
        update();
    }
    document.querySelectorAll("[data-char-limit]").forEach(setUp);
})();
