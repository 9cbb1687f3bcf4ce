// Temporary entry so the build pipeline can be assembled; replaced by the task pane app.
document.body.textContent = "BáoCáo";
