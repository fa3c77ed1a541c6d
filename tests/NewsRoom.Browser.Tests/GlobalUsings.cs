// The project's own namespaces, once, so moving a type between rooms touches only its namespace line and this file.
global using NewsRoom.Web.Data.Entities;
