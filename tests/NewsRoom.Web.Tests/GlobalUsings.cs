// The project's own namespaces, once, so moving a type between rooms touches only its namespace line and this file.
global using NewsRoom.Ingest;
global using NewsRoom.Web.Audit;
global using NewsRoom.Web.Data;
global using NewsRoom.Web.Data.Entities;
global using NewsRoom.Web.Desk;
global using NewsRoom.Web.Hosting;
global using NewsRoom.Web.Import;
global using NewsRoom.Web.Media;
global using NewsRoom.Web.Reader;
global using NewsRoom.Web.Pages.Admin.Audit;
global using NewsRoom.Web.Search;
global using NewsRoom.Web.Tests.Fixtures;
